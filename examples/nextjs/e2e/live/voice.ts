/**
 * Voice in the live e2e tests: the recruiter's lines spoken by espeak-ng into a WAV that Chromium
 * plays as its microphone, a browser launched per test with that file (Chromium takes one fake
 * capture file per launch), and the speech stand-ins steered over HTTP (tests only: Deepgram- and
 * OpenAI-format servers on 127.0.0.1, see packages/agent/test/harness/speech-stand-ins.ts).
 */
import { writeFile } from "node:fs/promises";
import { type Browser, chromium, type Page, test } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../../../chromium";
import {
  concat,
  type Pcm,
  silence,
  speakOrTone,
  toWav,
} from "../../../../packages/agent/test/harness/speech/audio";
import { FAST_WORDS_PER_MINUTE } from "../../../../packages/agent/test/harness/speech/openai-audio";
import type {
  SpeechFaults,
  SpeechLatency,
  SpeechPace,
  SpeechStandInState,
} from "../../../../packages/agent/test/harness/speech-stand-ins";
import { liveStack } from "./stack";

const MIC_RATE = 48_000;

/** A microphone recording: `lines` spoken in order, each after `pauseMs` (the first after `leadMs`). */
export async function recruiterRecording(
  lines: readonly string[],
  { leadMs, pauseMs, trailMs = 0 }: { leadMs: number; pauseMs: number; trailMs?: number },
): Promise<string> {
  const parts: Pcm[] = [silence(leadMs, MIC_RATE)];
  for (const [index, line] of lines.entries()) {
    if (index > 0) parts.push(silence(pauseMs, MIC_RATE));
    parts.push(await speakOrTone(line, MIC_RATE));
  }
  parts.push(silence(trailMs, MIC_RATE));
  const file = test.info().outputPath("microphone.wav");
  await writeFile(file, toWav(concat(parts)));
  return file;
}

/** Chromium whose fake microphone plays `wav` (once, or looping), WebRTC allowed to loopback. */
export function launchWithMicrophone(wav: string, { loop = false } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${wav}${loop ? "" : "%noloop"}`,
      "--allow-loopback-in-peer-connection",
      // The agent's audio plays without a user gesture.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export async function openApp(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: liveStack().appUrl });
  return context.newPage();
}

async function control(route: string, body?: unknown): Promise<SpeechStandInState> {
  const response = await fetch(`${liveStack().speechControlUrl}/${route}`, {
    method: body === undefined ? "GET" : "PUT",
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`speech stand-in ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as SpeechStandInState;
}

export const speechStandIns = {
  /** The lines the STT stand-in answers, in order, on each new connection. */
  script: (lines: readonly string[]) => control("script", { lines }),
  faults: (faults: Partial<SpeechFaults>) => control("faults", faults),
  latency: (latency: Partial<SpeechLatency>) => control("latency", latency),
  pace: (pace: Partial<SpeechPace>) => control("pace", pace),
  state: () => control("state"),
  /** Back to a healthy, fast, silent script (after each test). */
  reset: async () => {
    await control("faults", { stt: "ok", tts: "ok" });
    await control("latency", { sttFinalMs: 0, ttsFirstByteMs: 0 });
    await control("pace", { ttsWordsPerMinute: FAST_WORDS_PER_MINUTE });
    await control("script", { lines: [] });
  },
};

/** Records every `data-state` the agent indicator shows, from the first paint on. */
export async function recordAgentStates(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const states: string[] = [];
    (window as unknown as { agentStates: string[] }).agentStates = states;
    new MutationObserver(() => {
      const state = document.querySelector(".vo-agent")?.getAttribute("data-state");
      if (state && states.at(-1) !== state) states.push(state);
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
  return () => page.evaluate(() => (window as unknown as { agentStates: string[] }).agentStates);
}

/** The page's audio elements that play a live remote track, and how far each has played. */
export function playingAudio(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("audio")].map((audio) => {
      const stream = audio.srcObject instanceof MediaStream ? audio.srcObject : null;
      return {
        live: stream?.getAudioTracks().some((track) => track.readyState === "live") ?? false,
        paused: audio.paused,
        currentTime: audio.currentTime,
      };
    }),
  );
}

/**
 * A microphone the test speaks into when it chooses (the fake capture file plays on a fixed
 * timeline from the moment it opens): `getUserMedia` answers a Web Audio stream, silent until
 * `say(wav)` plays a recording into it. Real audio still leaves through the widget's published
 * track; only the source differs from a sound card.
 */
export async function onDemandMicrophone(page: Page): Promise<{ say(wav: Buffer): Promise<void> }> {
  await page.addInitScript(() => {
    const context = new AudioContext({ sampleRate: 48_000 });
    const bus = context.createGain();
    const keepAlive = context.createConstantSource(); // a silent, never-ending input keeps tracks live
    keepAlive.offset.value = 0;
    keepAlive.connect(bus);
    keepAlive.start();
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (!constraints?.audio || constraints.video) return original(constraints);
      await context.resume();
      const destination = context.createMediaStreamDestination();
      bus.connect(destination);
      return destination.stream;
    };
    (window as unknown as { recruiterSays: (url: string) => Promise<void> }).recruiterSays = async (url) => {
      const audio = await context.decodeAudioData(await (await fetch(url)).arrayBuffer());
      const source = context.createBufferSource();
      source.buffer = audio;
      source.connect(bus);
      await new Promise<void>((resolve) => {
        source.onended = () => resolve();
        source.start();
      });
    };
  });
  let said = 0;
  return {
    async say(wav) {
      const url = `/__recruiter-line-${++said}.wav`;
      await page.route(`**${url}`, (route) => route.fulfill({ body: wav, contentType: "audio/wav" }));
      await page.evaluate(
        (path) =>
          (window as unknown as { recruiterSays: (url: string) => Promise<void> }).recruiterSays(path),
        url,
      );
    },
  };
}
