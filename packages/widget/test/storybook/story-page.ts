import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../../../chromium.js";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: "story" | "docs";
}

export async function storiesOf(baseUrl: string): Promise<IndexEntry[]> {
  const response = await fetch(`${baseUrl}/index.json`);
  const index = (await response.json()) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === "story");
}

/**
 * A context that refuses (and reports) every request leaving the local Storybook server. The
 * user agent marks it as Storybook's test runner, so Storybook ends CSS animations once a story
 * has played instead of waiting for them: faster, and screenshots are deterministic.
 */
export async function localOnlyContext(browser: Browser, baseUrl: string, problems: string[]) {
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/${browser.version()} StorybookTestRunner`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, userAgent });
  await context.route(
    (url) => url.origin !== baseUrl,
    (route) => {
      problems.push(`request outside Storybook: ${route.request().url()}`);
      return route.abort();
    },
  );
  return context;
}

interface PreviewWindow {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: { emit(event: string, payload: unknown): void };
}

function isDone(id: string) {
  const render = (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender;
  return (
    (render?.id === id && render.phase === "finished") ||
    document.body.classList.contains("sb-show-errordisplay")
  );
}

/**
 * One Storybook preview (`iframe.html`) that shows stories in turn, switching like the manager
 * does rather than reloading the bundle for each. `show` waits until the story rendered, played
 * and settled, and returns what went wrong: console errors, page errors, Storybook's error screen.
 */
export async function openPreview(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage();
  let problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  let loaded = false;

  async function show(id: string): Promise<string[]> {
    problems = [];
    if (loaded) {
      await page.evaluate((storyId) => {
        (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__?.emit("setCurrentStory", {
          storyId,
          viewMode: "story",
        });
      }, id);
    } else {
      await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
      loaded = true;
    }
    await page.waitForFunction(isDone, id, { timeout: 20_000 });
    if (await page.evaluate(() => document.body.classList.contains("sb-show-errordisplay"))) {
      problems.push(`story errored: ${await page.locator("#error-message").textContent()}`);
    }
    return problems;
  }

  return { page, show };
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's serious and critical violations inside the story root. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: string, options: object) => Promise<AxeResults> } }
    ).axe.run("#storybook-root", { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`,
      ),
    );
}

/**
 * Elements inside the story frame whose content is wider than they are and does not scroll
 * (visually hidden 1px text, meant to be clipped, aside).
 */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".vo-story-frame *")]
      .filter((element) => {
        const { overflowX } = getComputedStyle(element);
        const scrolls = overflowX === "auto" || overflowX === "scroll";
        return element.clientWidth > 1 && !scrolls && element.scrollWidth > element.clientWidth + 1;
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: "${element.textContent?.slice(0, 40)}"`,
      ),
  );
}
