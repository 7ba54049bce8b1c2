import type { Locator, Page } from "@playwright/test";

/** What the page did, per widget (`intake-1`, ...), as seen by a MutationObserver. */
export interface WidgetLog {
  /** Every text the aria-live region received, in order. */
  announcements: string[];
  /** `data-id` of each trait, stage and nuance when it first appeared. */
  items: string[];
  /** Card names (`traits`, ...) when they first left the `empty` state. */
  filledCards: string[];
  /** Every value the completion ring showed. */
  completion: number[];
}

declare global {
  interface Window {
    widgetLogs?: Record<string, WidgetLog>;
  }
}

/** Installs the observer before any page script runs, on this and every reloaded document. */
export async function observeWidgets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const logs: Record<string, WidgetLog> = {};
    window.widgetLogs = logs;
    const seen = new Set<string>();
    const logOf = (element: Element) => {
      const slot = element.closest("[data-testid^='intake-']")?.getAttribute("data-testid") ?? "page";
      logs[slot] ??= { announcements: [], items: [], filledCards: [], completion: [] };
      return logs[slot];
    };
    const once = (element: Element, key: string, record: () => void) => {
      const slot = element.closest("[data-testid^='intake-']")?.getAttribute("data-testid");
      if (seen.has(`${slot}:${key}`)) return;
      seen.add(`${slot}:${key}`);
      record();
    };
    const scan = (mutations: MutationRecord[]) => {
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : null;
        if (target?.matches("[data-testid='vo-announcer']")) {
          for (const node of mutation.addedNodes) logOf(target).announcements.push(node.textContent ?? "");
        }
      }
      for (const item of document.querySelectorAll(
        ":is(.vo-card--traits, .vo-card--stages, .vo-card--nuances) .vo-item[data-id]",
      )) {
        const id = item.getAttribute("data-id") ?? "";
        once(item, `item:${id}`, () => logOf(item).items.push(id));
      }
      for (const card of document.querySelectorAll(".vo-card:not([data-state='empty'])")) {
        const name = [...card.classList].find((name) => name.startsWith("vo-card--"))?.slice(9) ?? "";
        once(card, `card:${name}`, () => logOf(card).filledCards.push(name));
      }
      for (const ring of document.querySelectorAll("[role='progressbar'][aria-valuenow]")) {
        const values = logOf(ring).completion;
        const value = Number(ring.getAttribute("aria-valuenow"));
        if (values.at(-1) !== value) values.push(value);
      }
    };
    new MutationObserver(scan).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state", "aria-valuenow"],
    });
  });
}

export async function widgetLog(page: Page, slot: string): Promise<WidgetLog> {
  const log = await page.evaluate((key) => window.widgetLogs?.[key], `intake-${slot}`);
  return log ?? { announcements: [], items: [], filledCards: [], completion: [] };
}

/** One widget's parts, by role and accessible name where it has them. */
export function intake(page: Page, slot: string) {
  const root: Locator = page.getByTestId(`intake-${slot}`);
  return {
    root,
    start: root.getByRole("button", { name: "Start conversation" }),
    ring: root.getByRole("progressbar", { name: "Completion" }),
    position: root.getByTestId("replay-position"),
    progress: root.getByTestId("replay-progress"),
    announcer: root.getByTestId("vo-announcer"),
    traits: root.locator(".vo-card--traits .vo-trait .vo-item__title"),
    transcript: root.locator(".vo-transcript__entry"),
  };
}
