import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OnboardingProvider } from "../src/hooks/onboarding-provider.js";
import { DEFAULT_CONTROL_LABELS } from "../src/session/labels.js";
import { Transcript } from "../src/session/transcript.js";
import { createOnboardingStore } from "../src/store/create-store.js";
import "../src/styles/index.css";

afterEach(cleanup);

const nextFrames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function renderTranscript() {
  const store = createOnboardingStore();
  render(
    <div style={{ height: "240px", display: "flex", flexDirection: "column" }}>
      <OnboardingProvider store={store}>
        <Transcript labels={DEFAULT_CONTROL_LABELS} />
      </OnboardingProvider>
    </div>,
  );
  const say = (id: number) =>
    act(() =>
      store.getState().upsertTranscript({
        id: `line-${id}`,
        speaker: id % 2 ? "agent" : "recruiter",
        text: `Line ${id}: we need someone who has shipped payments systems at scale before.`,
        final: true,
        at: id,
      }),
    );
  return { say };
}

const distanceFromBottom = (list: HTMLElement) => list.scrollHeight - list.scrollTop - list.clientHeight;

describe("transcript scrolling in Chromium", () => {
  it("follows the newest line, and keeps the place of a recruiter who scrolled up to reread", async () => {
    const { say } = renderTranscript();
    for (let id = 1; id <= 30; id++) say(id);
    const list = await screen.findByRole("list");
    await nextFrames();
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight * 2);
    expect(distanceFromBottom(list)).toBeLessThan(2);

    list.scrollTop = 0;
    list.dispatchEvent(new Event("scroll"));
    say(31);
    await nextFrames();
    expect(list.scrollTop).toBe(0);

    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event("scroll"));
    say(32);
    await nextFrames();
    expect(distanceFromBottom(list)).toBeLessThan(2);
  });
});
