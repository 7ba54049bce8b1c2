/**
 * The example app in live mode on the real stack (scripts/live.ts): a real livekit-server, the
 * real agent worker and its job processes, PostgreSQL. Stand-ins, said plainly: the model is a
 * scripted OpenAI-compatible server and speech goes to local OpenAI-TTS / Deepgram-format servers.
 */
import { expect, test } from "@playwright/test";
import { observeWidgets, intake as replayParts, widgetLog } from "../observe";
import {
  hydrated,
  liveIntake,
  modelRequests,
  openSignedIn,
  participantsOf,
  playTurn,
  roomOfPage,
  scriptTurns,
} from "./stack";

test.beforeEach(async ({ page }) => observeWidgets(page));

test("Start: the agent joins, the snapshot paints, it greets; a typed intake fills every card and completes once", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openSignedIn(page);
  await expect(page.getByTestId("mode-badge")).toHaveText("Live — the intake agent joins when you start");
  const widget = liveIntake(page);
  await widget.start.click();

  // Dispatched by the token: the agent is in the room on the server, next to us.
  const roomName = await roomOfPage(page);
  await expect
    .poll(async () => (await participantsOf(roomName)).map((participant) => participant.identity).join(" "))
    .toMatch(/agent-.*recruiter-|recruiter-.*agent-/);
  // The snapshot painted the company from the session, then the opening hook.
  await expect(widget.root.locator(".vo-card--company")).toContainText("Ledgerline");
  await expect(widget.agentLines.first()).toContainText("Hey Maya! I pulled some info on Ledgerline");
  expect((await widgetLog(page, "1")).announcements[0]).toBe("Profile loaded");

  for (let turn = 0; turn < scriptTurns.length; turn++) await playTurn(widget, turn);

  await expect(replayParts(page, "1").ring).toHaveAttribute("aria-valuenow", "100");
  const log = await widgetLog(page, "1");
  // (`loading` is the placeholder shown while the card grid loads.)
  expect(log.filledCards.filter((card) => card !== "loading").toSorted()).toEqual([
    "company",
    "completion",
    "nuances",
    "requirements",
    "stages",
    "traits",
  ]);
  await expect(widget.completions).toHaveText("Handed to the ATS 1×");
  // Nothing later hands it over again.
  await page.waitForTimeout(2000);
  await expect(widget.completions).toHaveText("Handed to the ATS 1×");
});

test("an edit by hand is applied by the agent and known to the model's next turn; a refused one rolls back with its reason", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(widget, 0);

  const requirements = widget.root.locator(".vo-card--requirements");
  await requirements.getByRole("button", { name: "Edit Job title" }).click();
  const field = requirements.getByRole("textbox").first();
  await field.fill("Staff Backend Engineer");
  await requirements.getByRole("button", { name: "Save" }).click();
  // Pending, then confirmed by the agent: the stored profile has it.
  await expect(requirements).toContainText("Staff Backend Engineer");
  await expect(requirements.locator("[data-state='pending']")).toHaveCount(0);
  await expect(requirements.locator("[data-state='rejected']")).toHaveCount(0);

  const before = (await modelRequests()).length;
  await playTurn(widget, 1);
  const requests = await modelRequests();
  expect(requests.length).toBeGreaterThan(before);
  expect(JSON.stringify(requests.at(-1)?.messages)).toContain("Staff Backend Engineer");

  // An edit the agent refuses (a trait renamed to another trait's name) rolls back with its reason.
  for (let turn = 2; turn <= 6; turn++) await playTurn(widget, turn);
  const traits = widget.root.locator(".vo-card--traits");
  await traits.getByRole("button", { name: "Edit Relational Data Modeling" }).click();
  await traits.getByRole("textbox", { name: "Name" }).fill("distributed systems design");
  await traits.getByRole("button", { name: "Save" }).click();
  await expect(traits.getByRole("alert")).toHaveText(
    'Not saved: another trait is already named "Distributed Systems Design"; choose a different name',
  );
  await expect(traits.locator(".vo-trait .vo-item__title")).toHaveText([
    "Distributed Systems Design",
    "Relational Data Modeling",
  ]);
});

test("two tabs on one session both see every change, a line typed in either is answered, and an edit from either settles", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  await openSignedIn(first);
  const one = liveIntake(first);
  await one.start.click();
  await expect(one.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(one, 0);
  // The second tab types (text only) as soon as its cards paint: its line reaches the agent
  // before LiveKit tells the agent the tab joined, and must still be answered.
  await second.goto("/?input=text");
  await hydrated(second);
  const two = liveIntake(second);
  await two.start.click();
  await expect(two.root.locator(".vo-card--company")).toContainText("Ledgerline");
  await playTurn(two, 1);
  for (const tab of [one, two]) {
    await expect(tab.root.locator(".vo-card--company")).toContainText("about 45");
    await expect(tab.root.locator(".vo-card--requirements")).toContainText("San Francisco");
  }
  // The second tab edits; both settle on it.
  const requirements = two.root.locator(".vo-card--requirements");
  await requirements.getByRole("button", { name: "Edit Job title" }).click();
  await requirements.getByRole("textbox").first().fill("Principal Backend Engineer");
  await requirements.getByRole("button", { name: "Save" }).click();
  for (const tab of [one, two]) {
    await expect(tab.root.locator(".vo-card--requirements")).toContainText("Principal Backend Engineer");
  }
  await context.close();
});
