/**
 * Text only on the real stack: the host chose a typed conversation (`textOnly`, here `?input=text`).
 * The widget never asks for the microphone; the agent, hearing no microphone from the recruiter,
 * answers in text and synthesises no speech (the OpenAI-format TTS stand-in counts every request),
 * and takes its audio track off the air (the server lists none for it).
 */
import { expect, test } from "@playwright/test";
import { liveIntake, openSignedIn, participantsOf, playTurn, roomOfPage } from "./stack";
import { speechStandIns } from "./voice";

test("text only: no microphone is asked for, and the agent answers in text without speaking", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const asked: string[] = [];
    (window as unknown as { microphoneRequests: string[] }).microphoneRequests = asked;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      asked.push(JSON.stringify(constraints));
      return original(constraints);
    };
  });
  const synthesisedBefore = (await speechStandIns.state()).spoken.length;
  await openSignedIn(page, "/?input=text");
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.root.getByText("Text only: type your answers below.")).toBeVisible();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!", { timeout: 60_000 });
  await playTurn(widget, 1);
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("San Francisco");

  expect(
    await page.evaluate(() => (window as unknown as { microphoneRequests: string[] }).microphoneRequests),
  ).toEqual([]);
  // Nothing was synthesised for the greeting or the reply.
  expect((await speechStandIns.state()).spoken.length).toBe(synthesisedBefore);
  // Nor is silence sent: the agent's audio track is off the air (agent-audio-track.ts).
  const roomName = await roomOfPage(page);
  await expect
    .poll(
      async () => (await participantsOf(roomName)).find((one) => one.identity.startsWith("agent-"))?.tracks,
    )
    .toEqual([]);
});
