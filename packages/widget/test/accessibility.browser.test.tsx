import { act, cleanup, render, screen } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { sampleProfile } from "../src/cards/fixtures.js";
import { ProfileCards } from "../src/cards/profile-cards.js";
import { createReplayTransport } from "../src/transport/replay-transport.js";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import "../src/styles/index.css";
import { createControlledTransport } from "./controlled-transport.js";
import { snapshot } from "./fixtures.js";

afterEach(() => {
  cleanup();
  document.body.style.background = "";
});

const HOST_BACKGROUND = { light: "#f4f5f8", dark: "#0b0d14" } as const;

async function seriousViolations(root: Element) {
  const results = await axe.run(root, { resultTypes: ["violations"] });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    }));
}

describe.each(["light", "dark"] as const)("axe-core on the %s theme", (theme) => {
  it("finds no serious or critical violations with a full profile and a transcript", async () => {
    document.body.style.background = HOST_BACKGROUND[theme];
    const profile = { ...sampleProfile, sessionId: "session-1" };
    const transport = createReplayTransport({ recording: [{ delayMs: 0, message: snapshot(profile) }] });
    const { container } = render(<VoiceOnboarding transport={transport} theme={theme} />);
    await userEvent.click(screen.getByRole("button", { name: "Start conversation" }));
    // The cards' chunk is loaded on first use; the dev server transforms it then, which can take seconds.
    await screen.findByText(profile.traits[0]?.name ?? "", {}, { timeout: 10_000 });
    await transport.sendText("We need someone who has run Kafka in production");
    const root = container.querySelector(".vo-root");
    if (!root) throw new Error("widget did not render");
    expect(getComputedStyle(root).getPropertyValue("--vo-text").trim()).toBe(
      theme === "light" ? "#161a26" : "#eef0f7",
    );
    expect(await seriousViolations(root)).toEqual([]);
  });

  it("finds none in the failed and microphone-denied states either", async () => {
    document.body.style.background = HOST_BACKGROUND[theme];
    const { transport, controlled } = createControlledTransport({
      failConnect: "The token service did not answer.",
    });
    const { container } = render(<VoiceOnboarding transport={transport} theme={theme} />);
    await userEvent.click(screen.getByRole("button", { name: "Start conversation" }));
    await screen.findByRole("button", { name: "Try again" });
    expect(controlled.connects).toBe(1);
    await act(async () => {});
    const root = container.querySelector(".vo-root");
    if (!root) throw new Error("widget did not render");
    expect(await seriousViolations(root)).toEqual([]);
  });
});

describe("the hand editors", () => {
  it.each(["light", "dark"] as const)(
    "find no serious violations open, nor with Undo offered (%s)",
    async (theme) => {
      document.body.style.background = HOST_BACKGROUND[theme];
      const { container } = render(
        <div className="vo-root" data-theme={theme}>
          <ProfileCards profile={sampleProfile} onEdit={() => {}} />
        </div>,
      );
      await userEvent.click(screen.getByRole("button", { name: "Edit company" }));
      await userEvent.click(screen.getByRole("button", { name: "Add trait" }));
      await userEvent.click(screen.getByRole("button", { name: "Add stage" }));
      await userEvent.click(
        screen.getByRole("button", { name: `Edit ${sampleProfile.nuances[0]?.insight}` }),
      );
      const nuance = sampleProfile.nuances[1]?.insight ?? "";
      await userEvent.click(screen.getByRole("button", { name: `Delete ${nuance}` }));
      expect(screen.getAllByRole("form")).toHaveLength(4);
      expect(screen.getByRole("button", { name: /^Undo deleting/ })).toBeTruthy();
      expect(await seriousViolations(container)).toEqual([]);
    },
  );
});

describe("the axe check itself", () => {
  it("does catch a host override that breaks contrast", async () => {
    const transport = createReplayTransport({ recording: [] });
    const { container } = render(
      <VoiceOnboarding transport={transport} theme="light" cssVariables={{ "--vo-text-muted": "#c9ccd4" }} />,
    );
    const root = container.querySelector(".vo-root");
    if (!root) throw new Error("widget did not render");
    expect((await seriousViolations(root)).map((violation) => violation.id)).toContain("color-contrast");
  });
});
