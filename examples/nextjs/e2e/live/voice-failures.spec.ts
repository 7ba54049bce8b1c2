/**
 * A speech provider that fails, behind the real plugins on the real stack: the agent tells the
 * recruiter in text what happened. Text-to-speech answering 500: the intake goes on in text.
 * Stand-ins, said plainly: Deepgram- and OpenAI-format servers on 127.0.0.1 with faults set
 * over HTTP (packages/agent/test/harness/speech-stand-ins.ts); the model is the scripted server.
 */
import { expect, test } from "@playwright/test";
import { liveIntake, openSignedIn, playTurn } from "./stack";
import { speechStandIns } from "./voice";

test.afterEach(() => speechStandIns.reset());

test("text-to-speech answering 500: the agent says so in text and the intake goes on in text", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await speechStandIns.faults({ tts: "error" });
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  // The greeting cannot be spoken: after the plugin's retries the recruiter reads why.
  await expect(widget.agentLines.filter({ hasText: "My voice isn't working right now" })).toHaveCount(1, {
    timeout: 60_000,
  });
  // Still connected, and a typed turn gets its answer and its card change without any synthesis.
  const synthesised = (await speechStandIns.state()).spoken.length;
  await playTurn(widget, 1);
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("San Francisco");
  await expect(widget.stop).toBeVisible();
  expect((await speechStandIns.state()).spoken.length).toBe(synthesised);
  expect(await widget.agentLines.filter({ hasText: "My voice isn't working right now" }).count()).toBe(1);
});
