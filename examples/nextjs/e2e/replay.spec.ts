import { expect, test } from "@playwright/test";
import { intake, observeWidgets, widgetLog } from "./observe";
import {
  entryCount,
  expectedAnnouncements,
  itemIdsInOrder,
  lastLine,
  listCardsInOrder,
  messageCount,
  openingLine,
  traitNames,
} from "./recording";

test.beforeEach(async ({ page }) => observeWidgets(page));

test("without LiveKit the page says it is a replay, and why", async ({ page }) => {
  await page.goto("/");
  const badge = page.getByTestId("mode-badge");
  await expect(badge).toContainText("Replay — recorded intake, no live agent");
  // The mode came from asking the real session service for a token.
  await expect(badge).toContainText("no LiveKit credentials");
  await expect(intake(page, "1").position).toHaveText("0");
});

test("the recorded intake fills the cards in the recording's order and completes", async ({ page }) => {
  await page.goto("/?speed=40");
  const widget = intake(page, "1");
  await widget.start.click();

  await expect(widget.ring).toHaveAttribute("aria-valuenow", "100");
  await expect(widget.position).toHaveText(String(entryCount));
  // The conversation played along: the agent's opening first, its goodbye last.
  await expect(widget.transcript.first()).toContainText(openingLine);
  await expect(widget.transcript.last()).toContainText(lastLine);
  await expect(page.locator(".vo-card--completion")).toHaveAttribute("data-state", "complete");
  expect((await widget.traits.allInnerTexts()).toSorted()).toEqual(traitNames.toSorted());

  const log = await widgetLog(page, "1");
  expect(log.items).toEqual(itemIdsInOrder);
  expect(log.filledCards.filter((name) => (listCardsInOrder as string[]).includes(name))).toEqual(
    listCardsInOrder,
  );
  // The ring climbed through intermediate values rather than jumping.
  expect(log.completion.length).toBeGreaterThan(3);
  expect(log.completion.at(-1)).toBe(100);
});

test("the live region announces every change, politely", async ({ page }) => {
  await page.goto("/?speed=40");
  const widget = intake(page, "1");
  await expect(widget.announcer).toHaveAttribute("aria-live", "polite");
  await widget.start.click();
  await expect(widget.position).toHaveText(String(entryCount));

  await expect.poll(async () => (await widgetLog(page, "1")).announcements.length).toBe(messageCount);
  const { announcements } = await widgetLog(page, "1");
  for (const [index, text] of expectedAnnouncements)
    expect(announcements[index], `message ${index}`).toBe(text);
  await expect(widget.announcer).toHaveText("Onboarding complete");
});
