import { cleanup, render, screen } from "@testing-library/react";
import type { InterviewStage } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleStages } from "../src/cards/fixtures.js";
import { StagesCard } from "../src/cards/stages-card.js";
import "../src/styles/index.css";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** `order` as the agent sends it after a reorder: the same stages, new positions. */
const inOrder = (ids: string[]): InterviewStage[] =>
  ids.map((id, index) => {
    const stage = sampleStages.find((candidate) => candidate.id === id);
    if (!stage) throw new Error(`no stage ${id}`);
    return { ...stage, order: index + 1 };
  });

/** The vertical offset each item's running slide starts from, by stage id. */
function slides(): Record<string, number> {
  const result: Record<string, number> = {};
  for (const item of document.querySelectorAll<HTMLElement>(".vo-stage")) {
    for (const animation of item.getAnimations()) {
      const first = (animation.effect as KeyframeEffect).getKeyframes()[0]?.transform;
      const offset = /translateY\((-?[\d.]+)px\)/.exec(String(first))?.[1];
      if (offset !== undefined && item.dataset.id) result[item.dataset.id] = Number(offset);
    }
  }
  return result;
}

async function renderStages(ids: string[]) {
  const view = render(<StagesCard stages={inOrder(ids)} />);
  await screen.findByText("Technical deep dive");
  return view;
}

describe("stage reordering in Chromium (Web Animations API)", () => {
  it("slides each moved stage from where it was to its new place", async () => {
    const ids = ["s-screen", "s-tech", "s-founder"];
    const { rerender } = await renderStages(ids);
    const top = (id: string) => document.querySelector<HTMLElement>(`[data-id="${id}"]`)?.offsetTop ?? NaN;
    const before = Object.fromEntries(ids.map((id) => [id, top(id)]));
    rerender(<StagesCard stages={inOrder(["s-founder", "s-tech", "s-screen"])} />);

    // Every stage whose place changed (the middle one too when the ends differ in height) starts
    // exactly where it was painted before the reorder.
    const expected = Object.fromEntries(
      ids
        .map((id) => [id, (before[id] ?? Number.NaN) - top(id)])
        .filter(([, moved]) => Math.abs(Number(moved)) >= 1),
    );
    expect(Object.keys(slides()).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, offset] of Object.entries(slides())) expect(offset).toBeCloseTo(expected[id], 0);
    expect(slides()["s-screen"]).toBeLessThan(0);
    expect(slides()["s-founder"]).toBeGreaterThan(0);
  });

  it("does not slide anything when a stage changes but the order does not", async () => {
    const { rerender } = await renderStages(["s-screen", "s-tech", "s-founder"]);
    const stages = inOrder(["s-screen", "s-tech", "s-founder"]).map((stage) =>
      stage.id === "s-screen" ? { ...stage, description: `${stage.description ?? ""} Longer now.` } : stage,
    );
    rerender(<StagesCard stages={stages} />);
    expect(slides()).toEqual({});
  });

  it("moves without sliding when the user prefers reduced motion", async () => {
    const matchMedia = window.matchMedia.bind(window);
    vi.spyOn(window, "matchMedia").mockImplementation((query) =>
      query === "(prefers-reduced-motion: reduce)"
        ? ({ ...matchMedia(query), matches: true, media: query } as MediaQueryList)
        : matchMedia(query),
    );
    const { rerender } = await renderStages(["s-screen", "s-tech", "s-founder"]);
    rerender(<StagesCard stages={inOrder(["s-founder", "s-tech", "s-screen"])} />);
    const order = [...document.querySelectorAll<HTMLElement>(".vo-stage")].map((item) => item.dataset.id);
    expect(order).toEqual(["s-founder", "s-tech", "s-screen"]);
    expect(slides()).toEqual({});
  });
});
