import type { Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareWithBaseline } from "./compare-png.js";
import { launchChromium, localOnlyContext, openPreview } from "./story-page.js";

const baseUrl = inject("storybookUrl");
/** Anti-aliasing and font hinting may move a few pixels; a layout or colour change moves far more. */
const TOLERANCE = 0.002;

const KEY_STORIES = [
  ["widget-complete-light", "widget-voiceonboarding--complete"],
  ["widget-complete-dark", "widget-voiceonboarding--complete-dark"],
  ["widget-complete-320px", "widget-voiceonboarding--complete-narrow"],
  ["widget-complete-de", "widget-voiceonboarding--complete-german"],
  ["replay-finished-light", "widget-session-replay--finished"],
] as const;

let browser: Browser;
const outsideRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("screenshots of key stories", () => {
  it.each(KEY_STORIES)("%s matches its baseline", async (name, id) => {
    // A fresh preview per screenshot: nothing left over from another story.
    const context = await localOnlyContext(browser, baseUrl, outsideRequests);
    try {
      const preview = await openPreview(context, baseUrl);
      expect(await preview.show(id)).toEqual([]);
      // The play function's last click leaves a focus ring that belongs to no state worth keeping.
      await preview.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const frame = preview.page.locator(".vo-story-frame");
      const image = await frame.screenshot({
        animations: "disabled",
        // The agent's bars animate on a timer; their place is still checked, their height is not.
        mask: [preview.page.locator(".vo-visualizer")],
      });
      const result = await compareWithBaseline(name, image);
      if (result.status === "compared") {
        expect(result.size).toBe("same");
        expect(result.share).toBeLessThanOrEqual(TOLERANCE);
      }
      if (name.endsWith("320px")) expect((await frame.boundingBox())?.width).toBe(320);
    } finally {
      await context.close();
    }
  });

  it("never reached outside the local server", () => {
    expect(outsideRequests).toEqual([]);
  });
});
