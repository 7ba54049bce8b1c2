import { expect, test } from "@playwright/test";
import { intake, observeWidgets, widgetLog } from "./observe";
import { entryCount, traitNames } from "./recording";

test.beforeEach(async ({ page }) => observeWidgets(page));

test("two widgets on one page keep their own state", async ({ page }) => {
  await page.goto("/?widgets=2&speed=40");
  const first = intake(page, "1");
  const second = intake(page, "2");

  await first.start.click();
  await expect(first.ring).toHaveAttribute("aria-valuenow", "100");
  // Advancing the first leaves the second untouched.
  await expect(second.start).toBeVisible();
  await expect(second.ring).toHaveCount(0);
  await expect(second.position).toHaveText("0");
  expect((await widgetLog(page, "2")).announcements).toEqual([]);

  // Editing the first does not reach the second.
  const renamed = "Mentors engineers";
  await first.root.getByRole("button", { name: "Edit Mentorship" }).click();
  await first.root.getByRole("textbox", { name: "Name" }).fill(renamed);
  await first.root.getByRole("button", { name: "Save" }).click();
  await expect(first.traits.filter({ hasText: renamed })).toHaveCount(1);

  await second.start.click();
  await expect(second.ring).toHaveAttribute("aria-valuenow", "100");
  await expect(second.position).toHaveText(String(entryCount));
  expect((await second.traits.allInnerTexts()).toSorted()).toEqual(traitNames.toSorted());
  await expect(first.traits.filter({ hasText: renamed })).toHaveCount(1);
  await expect(first.traits.filter({ hasText: /^Mentorship$/ })).toHaveCount(0);
});
