import { expect, test } from "@playwright/test";
import { intake, observeWidgets, widgetLog } from "./observe";
import { entryCount, firstTraitMessage, firstTraitName, traitNames } from "./recording";

test.beforeEach(async ({ page }) => observeWidgets(page));

test("a reload in the middle resumes from a snapshot of the state so far", async ({ page }) => {
  // Slow enough that the reload lands mid-intake.
  await page.goto("/?speed=4");
  const widget = intake(page, "1");
  await widget.start.click();
  await expect(widget.traits.first()).toBeVisible({ timeout: 30_000 });
  const before = await widget.traits.allInnerTexts();

  await page.reload();
  // The page renders step 0 first; the saved step is restored once it has hydrated.
  await expect(widget.progress).toContainText("resumed at step");
  const resumedAt = Number(await widget.position.textContent());
  // Steps count conversation lines too, so the first trait's step is past its message index.
  expect(resumedAt).toBeGreaterThan(firstTraitMessage);
  expect(resumedAt).toBeLessThan(entryCount);
  await expect(widget.progress).toContainText(`resumed at step ${resumedAt}`);
  await expect(widget.ring).toHaveCount(0);

  await widget.start.click();
  // Everything seen before the reload is back at once ...
  for (const name of before) await expect(widget.traits.filter({ hasText: name })).toHaveCount(1);
  const resumed = await widgetLog(page, "1");
  expect(resumed.announcements[0]).toBe("Profile loaded");
  // ... from the snapshot, not by playing the recording again from the start.
  expect(resumed.announcements).not.toContain(`Added trait: ${firstTraitName}`);

  await expect(widget.ring).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(widget.position).toHaveText(String(entryCount));
  expect((await widget.traits.allInnerTexts()).toSorted()).toEqual(traitNames.toSorted());
});
