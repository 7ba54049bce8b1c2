/**
 * The session lifecycle on the real stack: reload, End then Start, the host unmounting the widget,
 * a Stop that overtakes a Start, and a host that brings its own room. Checked on the LiveKit
 * server itself (RoomServiceClient) where it matters who is in the room.
 */
import { expect, type Page, test } from "@playwright/test";
import {
  hydrated,
  liveIntake,
  openSignedIn,
  participantsOf,
  playTurn,
  roomOfPage,
  roomService,
} from "./stack";

const recruitersIn = async (roomName: string) =>
  (await participantsOf(roomName)).filter((participant) => participant.identity.startsWith("recruiter-"));

/** Console errors of the page, to prove a step logged none. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a reload in the middle keeps the session: cards from the snapshot, the agent still answers, no new greeting", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(widget, 0);
  await playTurn(widget, 1);
  const roomName = await roomOfPage(page);

  await page.reload();
  await hydrated(page);
  await widget.start.click();
  // The same session's cards, from the agent's snapshot.
  await expect(widget.root.locator(".vo-card--company")).toContainText("about 45");
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("San Francisco");
  expect(await roomOfPage(page)).toBe(roomName);
  // It hears the reloaded page and answers it ...
  await playTurn(widget, 2);
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("6");
  // ... and never greeted it as a new intake.
  await expect(widget.agentLines.filter({ hasText: "Hey Maya!" })).toHaveCount(0);
});

test("End conversation, then Start again: the agent talks again", async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(widget, 0);
  const roomName = await roomOfPage(page);
  await widget.stop.click();
  await expect(widget.start).toBeVisible();
  await expect.poll(async () => (await recruitersIn(roomName)).length).toBe(0);

  await widget.start.click();
  await expect(widget.root.locator(".vo-card--company")).toContainText("about 45");
  await playTurn(widget, 1);
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("San Francisco");
});

test("the host unmounts a connected widget: its participant and microphone leave the room, nothing logs an error", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  const roomName = await roomOfPage(page);
  // The fake microphone is published (the server sees the track).
  await expect
    .poll(async () => (await recruitersIn(roomName)).flatMap((participant) => participant.tracks))
    .toHaveLength(1);

  await widget.close.click();
  await expect(widget.root.locator(".vo-root")).toHaveCount(0);
  await expect.poll(async () => (await recruitersIn(roomName)).length).toBe(0);
  expect(errors).toEqual([]);
});

test("Stop pressed while the token is being fetched: the widget never connects", async ({ page }) => {
  await openSignedIn(page);
  const widget = liveIntake(page);
  let releaseToken: () => void = () => {};
  const tokenRequested = new Promise<void>((requested) => {
    void page.route("**/api/onboarding**", async (route) => {
      requested();
      await new Promise<void>((release) => {
        releaseToken = release;
      });
      await route.continue();
    });
  });
  await widget.start.click();
  await tokenRequested;
  await widget.stop.click();
  releaseToken();
  const roomName = await roomOfPage(page);
  await page.waitForTimeout(3000);
  // The token came back, but nobody joined with it.
  expect(await recruitersIn(roomName).catch(() => [])).toEqual([]);
  await expect(widget.start).toBeVisible();
  await expect(widget.root.getByText("Disconnected")).toBeVisible();
  await expect(widget.root.getByText("Agent offline")).toBeVisible();
});

test("a host that passes its own Room gets the agent's audio element and the transcript too", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openSignedIn(page, "/?room=host");
  await expect(page.getByTestId("host-room")).toHaveText("Host room connected");
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  // RoomAudioRenderer attached the agent's track to a playing audio element.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("audio")].some(
          (audio) => audio.srcObject instanceof MediaStream && audio.srcObject.getAudioTracks().length > 0,
        ),
      ),
    )
    .toBe(true);
  await playTurn(widget, 0);
  await expect(widget.root.locator(".vo-card--company")).toContainText("about 45");
  // The host's room stays the host's: closing the widget does not disconnect it.
  const roomName = await roomOfPage(page);
  await widget.close.click();
  await page.waitForTimeout(1000);
  expect((await recruitersIn(roomName)).length).toBe(1);
  expect((await roomService().listRooms([roomName])).length).toBe(1);
});
