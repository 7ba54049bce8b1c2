/**
 * The voice loop for real: Chromium's fake microphone plays the recruiter's lines (espeak-ng WAVs
 * made here), the audio crosses the real livekit-server into the real worker (Silero VAD, the
 * deepgram and openai plugins, AgentSession), and the agent's speech comes back and plays.
 * Stand-ins, said plainly: speech-to-text is a Deepgram-format server that finds speech by energy
 * and answers the script's words (it recognises nothing); text-to-speech is an OpenAI-format server
 * speaking with espeak-ng; the model is the scripted OpenAI-compatible server.
 */
import { type Browser, expect, test } from "@playwright/test";
import { liveIntake, openSignedIn } from "./stack";
import { launchWithMicrophone, openApp, recruiterRecording, speechStandIns } from "./voice";

let browser: Browser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await speechStandIns.reset();
});

test("mute: while muted nothing the recruiter says reaches the agent; unmuted, it hears again", async () => {
  test.setTimeout(120_000);
  // Said over and over (a looping microphone); the transcripts are empty, so the agent only listens.
  const microphone = await recruiterRecording(["Can you hear me now?"], {
    leadMs: 500,
    pauseMs: 0,
    trailMs: 2_000,
  });
  browser = await launchWithMicrophone(microphone, { loop: true });
  const page = await openApp(browser);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  const utterances = async () => (await speechStandIns.state()).heard.length;
  const first = await utterances();
  await expect.poll(utterances, { timeout: 60_000 }).toBeGreaterThan(first + 1);

  await widget.root.getByRole("button", { name: "Mute" }).click();
  // Audio already on its way (a busy job process may lag seconds behind) arrives, then nothing.
  const bytes = async () => (await speechStandIns.state()).heardBytes;
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await bytes();
        const still = now === previous;
        previous = now;
        return still;
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .toBe(true);
  const muted = await speechStandIns.state();
  await page.waitForTimeout(8_000); // two loops of the recording
  const stillMuted = await speechStandIns.state();
  expect(stillMuted.heardBytes).toBe(muted.heardBytes);
  expect(stillMuted.heard.length).toBe(muted.heard.length);

  await widget.root.getByRole("button", { name: "Unmute" }).click();
  await expect.poll(utterances, { timeout: 30_000 }).toBeGreaterThan(stillMuted.heard.length);
});
