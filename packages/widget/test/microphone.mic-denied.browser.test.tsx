import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import "../src/styles/index.css";
import { createControlledTransport } from "./controlled-transport.js";

// Runs in the Chromium launched with --deny-permission-prompts (see vitest.browser.config.ts).
afterEach(cleanup);

describe("microphone permission denied in Chromium", () => {
  it("explains how to re-allow a blocked microphone and carries on by text", async () => {
    const { transport, controlled } = createControlledTransport({ withMicrophone: true });
    render(<VoiceOnboarding transport={transport} />);
    await userEvent.click(screen.getByRole("button", { name: "Start conversation" }));
    const help = await screen.findByTestId("vo-microphone-denied");
    expect(help.textContent).toContain("Chrome");
    expect(help.textContent).toContain("Firefox");
    expect(help.textContent).toContain("Safari");
    expect(controlled.connects).toBe(0);
    await userEvent.click(screen.getByRole("button", { name: "Continue with text only" }));
    await expect.poll(() => controlled.connects).toBe(1);
    expect(controlled.microphone).toEqual([]);
    const input = screen.getByRole("textbox", { name: "Type a message" });
    await userEvent.type(input, "Remote is fine{Enter}");
    await expect.poll(() => controlled.sentTexts).toEqual(["Remote is fine"]);
  });
  it("really is denied by the browser here", async () => {
    await expect(navigator.mediaDevices.getUserMedia({ audio: true })).rejects.toMatchObject({
      name: "NotAllowedError",
    });
  });
});
