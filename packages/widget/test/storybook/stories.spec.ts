import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type IndexEntry,
  launchChromium,
  localOnlyContext,
  openPreview,
  overflowingElements,
  seriousViolations,
  storiesOf,
} from "./story-page.js";

const baseUrl = inject("storybookUrl");
const stories: IndexEntry[] = await storiesOf(baseUrl);

let browser: Browser;
let preview: Awaited<ReturnType<typeof openPreview>>;
const outsideRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  preview = await openPreview(await localOnlyContext(browser, baseUrl, outsideRequests), baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("the built Storybook", () => {
  it("has a story for every card and the widget states the issue lists", () => {
    const titles = new Set(stories.map((story) => story.title));
    for (const card of ["Company", "Requirements", "Traits", "Stages", "Nuances", "Completion"])
      expect(titles).toContain(`Cards/${card}Card`);
    const widget = stories
      .filter((story) => story.title === "Widget/VoiceOnboarding")
      .map((story) => story.name);
    expect(widget).toEqual(
      expect.arrayContaining(["Idle", "Connecting", "Reconnecting", "Disconnected", "Failed With Retry"]),
    );
    expect(titles).toContain("Widget/Session replay");
  });

  it.each(stories.map((story) => [story.id, story] as const))(
    "%s renders without errors, overflow or serious axe violations",
    async (_id, story) => {
      expect(await preview.show(story.id)).toEqual([]);
      const { page } = preview;
      expect(await page.locator("#storybook-root").textContent()).not.toBe("");
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowingElements(page)).toEqual([]);
    },
  );

  it("never reached outside the local server", () => {
    expect(outsideRequests).toEqual([]);
  });
});
