import { type Browser, chromium, type Page } from "playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../../../chromium.js";

/*
 * `<voice-onboarding>` from the standalone file on plain HTML pages (test/element/pages), in
 * Chromium. Playwright's CSS locators pierce open shadow roots, as a host's test tools would.
 */

interface RecordedEvent {
  type: "change" | "complete" | "connection" | "error";
  target: string;
  detail: { status?: string; version?: number } | null;
  composed: boolean;
}

let browser: Browser;
const base = () => inject("elementPagesUrl");

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${base()}/${name}.html`);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
  return { page, errors };
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: RecordedEvent[] }).events);

describe("<voice-onboarding> on a plain page", () => {
  it("plays a replay into the cards and tells the page through composed DOM events", async () => {
    const { page, errors } = await open("one");
    await page.locator("#widget").getByRole("button", { name: "Start conversation" }).click();
    await expect
      .poll(async () => (await events(page)).some((event) => event.type === "complete"), { timeout: 30_000 })
      .toBe(true);
    const traits = page.locator("#widget .vo-card--traits");
    await expect.poll(() => traits.getAttribute("data-state")).not.toBe("empty");
    expect(await page.locator("#widget .vo-card--company h2").textContent()).toBeTruthy();
    const recorded = await events(page);
    expect(recorded.every((event) => event.composed && event.target === "widget")).toBe(true);
    expect(recorded.filter((event) => event.type === "complete")).toHaveLength(1);
    const connection = recorded.filter((event) => event.type === "connection").map((event) => event.detail);
    expect(connection).toContainEqual({ status: "connected", reason: null });
    const changes = recorded.filter((event) => event.type === "change");
    expect(changes.length).toBeGreaterThan(5);
    expect(changes.at(-1)?.detail?.status).toBe("completed");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("ends its session when removed from the page, and leaves nothing behind", async () => {
    const { page } = await open("one");
    await page.locator("#widget").getByRole("button", { name: "Start conversation" }).click();
    await expect
      .poll(async () => (await events(page)).filter((event) => event.type === "change").length)
      .toBeGreaterThan(0);
    await page.evaluate(() => document.getElementById("widget")?.remove());
    const afterRemoval = (await events(page)).length;
    // The replay would go on for 35 messages, 20 ms apart: nothing more may arrive.
    await page.waitForTimeout(1500);
    expect((await events(page)).length).toBe(afterRemoval);
    expect(
      (await events(page)).some((event) => event.type === "complete"),
      "the replay was cut before completion",
    ).toBe(false);
    await page.close();
  });

  it("is not restyled by the page's CSS, and its CSS does not reach the page", async () => {
    const { page } = await open("hostile");
    const start = page.locator("#widget").getByRole("button", { name: "Start conversation" });
    const styleOf = (selector: string) =>
      page.locator(selector).evaluate((node) => {
        const style = getComputedStyle(node);
        return {
          fontSize: style.fontSize,
          fontFamily: style.fontFamily,
          color: style.color,
          background: style.backgroundColor,
          radius: style.borderRadius,
        };
      });
    const widgetButton = await start.evaluate((node) => {
      const style = getComputedStyle(node);
      return {
        fontSize: style.fontSize,
        fontFamily: style.fontFamily,
        color: style.color,
        background: style.backgroundColor,
      };
    });
    expect(widgetButton.fontSize).not.toBe("40px");
    expect(widgetButton.fontFamily).not.toBe("serif");
    expect(widgetButton.color).not.toBe("rgb(255, 0, 0)");
    expect(widgetButton.background).not.toBe("rgb(0, 255, 0)");
    // The same sizes as on a page without the hostile stylesheet (rem would follow the page's root).
    const sizes = (on: Page) =>
      on
        .locator("#widget .vo-root, #widget .vo-button")
        .evaluateAll((nodes) =>
          nodes.map((node) => `${getComputedStyle(node).fontSize} ${getComputedStyle(node).paddingTop}`),
        );
    const clean = await open("one");
    expect(await sizes(page)).toEqual(await sizes(clean.page));
    await clean.page.close();
    // The page's own `.vo-button` and `.vo-root` keep the page's styles: ours stay in the shadow root.
    const hostButton = await styleOf("#host-button");
    expect(hostButton.background).toBe("rgb(0, 255, 0)");
    expect(hostButton.radius).toBe("0px");
    expect((await styleOf("#host-root")).color).toBe("rgb(255, 0, 0)");
    await page.close();
  });

  it("reports a replay it cannot read as an error event naming the bad message", async () => {
    const { page } = await open("one");
    await page.evaluate(() => {
      (document.getElementById("widget") as unknown as { replay: unknown }).replay = {
        messages: [{ type: "nonsense" }],
      };
    });
    await expect
      .poll(async () => (await events(page)).find((event) => event.type === "error")?.detail)
      .toMatchObject({ message: expect.stringContaining("replay message 0 is invalid") });
    await page.close();
  });

  it("keeps the connection dot visible in forced colours (Windows high contrast)", async () => {
    const { page } = await open("hostile");
    const dotBorder = () =>
      page.locator("#widget .vo-status__dot").evaluate((node) => getComputedStyle(node).borderTopStyle);
    expect(await dotBorder()).toBe("none");
    await page.emulateMedia({ forcedColors: "active" });
    expect(await dotBorder()).toBe("solid");
    await page.close();
  });

  it("drops the glass for recruiters who ask their system to reduce transparency", async () => {
    const { page } = await open("one");
    const panel = page.locator("#widget .vo-session");
    const look = () =>
      panel.evaluate((node) => {
        const style = getComputedStyle(node);
        return { filter: style.backdropFilter, background: style.backgroundColor };
      });
    const glass = await look();
    expect(glass.filter).toBe("blur(16px)");
    // Playwright's emulateMedia has no reduced-transparency; Chromium's own emulation does.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setEmulatedMedia", {
      features: [{ name: "prefers-reduced-transparency", value: "reduce" }],
    });
    const solid = await look();
    expect(solid.filter).toBe("none");
    expect(solid.background).not.toBe(glass.background);
    expect(solid.background).toMatch(/^rgb\(/);
    await page.close();
  });

  it("keeps two elements and a mount() on one page apart", async () => {
    const { page, errors } = await open("two");
    await page.locator("#first").getByRole("button", { name: "Start conversation" }).click();
    await expect
      .poll(async () => (await events(page)).some((event) => event.type === "complete"), { timeout: 30_000 })
      .toBe(true);
    expect(await page.locator("#second .vo-status").getAttribute("data-state")).toBe("idle");
    expect(await page.locator("#second .vo-card--traits").count()).toBe(0);
    expect(await page.locator("#mounted .vo-root").getAttribute("data-theme")).toBe("dark");
    expect(new Set((await events(page)).map((event) => event.target))).toEqual(new Set(["first"]));
    await page.evaluate(() => (window as unknown as { mounted: { unmount(): void } }).mounted.unmount());
    expect(await page.locator("#mounted .vo-root").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks the language of its locale attribute, switches when it changes, and takes messages", async () => {
    const { page, errors } = await open("locale");
    const widget = page.locator("#widget");
    await expect.poll(() => widget.getByRole("button", { name: "Iniciar conversación" }).count()).toBe(1);
    expect(await widget.locator(".vo-root").getAttribute("lang")).toBe("es-ES");

    await page.evaluate(() => document.getElementById("widget")?.setAttribute("locale", "de-CH"));
    await expect.poll(() => widget.getByRole("button", { name: "Gespräch starten" }).count()).toBe(1);
    expect(await widget.locator(".vo-root").getAttribute("lang")).toBe("de-CH");

    await page.evaluate(() => {
      (document.getElementById("widget") as unknown as { messages: unknown }).messages = {
        start: "Los geht's",
        traitsTitle: "Was zählt",
      };
    });
    await widget.getByRole("button", { name: "Los geht's" }).click();
    await expect
      .poll(async () => (await events(page)).some((event) => event.type === "complete"), { timeout: 30_000 })
      .toBe(true);
    expect(await widget.locator(".vo-card--traits h2").textContent()).toBe("Was zählt");
    expect(await widget.locator(".vo-card--requirements h2").textContent()).toBe("Anforderungen");
    expect(await widget.getByTestId("vo-announcer").textContent()).toBe("Onboarding abgeschlossen");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("with text-only, starts without asking for the microphone; without it, asks first", async () => {
    const { page, errors } = await open("text-only");
    const asked = () =>
      page.evaluate(() => {
        const state = window as unknown as { microphoneRequests: number; tokenRequests: string[] };
        return { microphone: state.microphoneRequests, tokens: state.tokenRequests };
      });
    await page.locator("#typist").getByRole("button", { name: "Start conversation" }).click();
    await expect.poll(async () => (await asked()).tokens).toEqual(["typist"]);
    expect((await asked()).microphone).toBe(0);

    // The voice widget asks first; declined, it never asks for a token.
    await page.locator("#talker").getByRole("button", { name: "Start conversation" }).click();
    await expect.poll(async () => (await asked()).microphone).toBe(1);
    expect((await asked()).tokens).toEqual(["typist"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
