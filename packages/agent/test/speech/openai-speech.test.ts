/**
 * The worker's OpenAI text-to-speech (src/worker/openai-speech.ts) against the OpenAI speech
 * stand-in (tests only: OpenAI is not reachable here), which streams its PCM body as the real
 * endpoint does when `ttsStreamSpeed` paces it.
 */

import { initializeLogger, type tts } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import type { AudioFrame } from "@livekit/rtc-node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OpenAISpeech } from "../../src/worker/openai-speech.js";
import type { SpokenText } from "../harness/speech/audio.js";
import { type SpeechStandIns, startSpeechStandIns } from "../harness/speech-stand-ins.js";

const TEXT = "We run four interview stages, and the last one is a conversation with the founders.";

let speech: SpeechStandIns;
beforeAll(async () => {
  initializeLogger({ pretty: false, level: "warn" });
  speech = await startSpeechStandIns();
});
afterAll(() => speech.close());
afterEach(() => Promise.all([put("pace", { ttsStreamSpeed: 0 }), put("faults", { tts: "ok" })]));

const put = (route: string, body: unknown) =>
  fetch(`${speech.controlURL}/${route}`, { method: "PUT", body: JSON.stringify(body) });

/** Each frame with when it arrived (Date.now(), the stand-in's clock too). */
async function framesOf(stream: tts.ChunkedStream) {
  const frames: { frame: AudioFrame; at: number }[] = [];
  for await (const audio of stream) frames.push({ frame: audio.frame, at: Date.now() });
  return frames;
}

/**
 * agents-js rethrows a synthesis error it has already reported (ChunkedStream's main task, never
 * awaited); a job process logs such rejections at debug level. Here they are caught the same way,
 * instead of by vitest's own listener, and returned.
 */
async function unhandledRejections(run: () => Promise<void>): Promise<unknown[]> {
  const others = process.listeners("unhandledRejection");
  const rejected: unknown[] = [];
  const catchIt = (reason: unknown) => rejected.push(reason);
  process.removeAllListeners("unhandledRejection").on("unhandledRejection", catchIt);
  try {
    await run();
    for (let tries = 0; rejected.length === 0 && tries < 50; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return rejected;
  } finally {
    process.off("unhandledRejection", catchIt);
    for (const listener of others) process.on("unhandledRejection", listener);
  }
}

const lastSpoken = (): SpokenText => speech.spokenTimed.at(-1) as SpokenText;
const speechOf = () =>
  new OpenAISpeech({ apiKey: "stand-in", model: "tts-1", voice: "alloy", baseURL: speech.ttsBaseURL });

describe("OpenAISpeech", () => {
  it("plays the first audio as it arrives, while the rest is still being synthesised", async () => {
    await put("pace", { ttsStreamSpeed: 1 }); // real time: the body takes as long as the audio
    const frames = await framesOf(speechOf().synthesize(TEXT));
    const spoken = lastSpoken();
    expect(spoken.audioMs).toBeGreaterThan(1000);
    const firstFrameAfterFirstByte = (frames[0]?.at ?? Number.POSITIVE_INFINITY) - spoken.firstByteAt;
    // The first 100 ms frame is whole in the first chunk: it plays without waiting for the next.
    expect(firstFrameAfterFirstByte).toBeLessThan(60);
    expect(frames.at(-1)?.at).toBeGreaterThan(spoken.firstByteAt + spoken.audioMs * 0.7);
  });

  it("keeps every sample: its frames add up to the audio the endpoint sent, the last one final", async () => {
    const stream = speechOf().synthesize(TEXT);
    const finals: boolean[] = [];
    let samples = 0;
    for await (const audio of stream) {
      samples += audio.frame.samplesPerChannel;
      finals.push(audio.final);
    }
    expect(samples / 24).toBeCloseTo(lastSpoken().audioMs, 5); // 24 samples a millisecond
    expect(finals.at(-1)).toBe(true);
    expect(finals.slice(0, -1).every((final) => !final)).toBe(true);
  });

  it("stops reading when agents-js interrupts it, without an error", async () => {
    await put("pace", { ttsStreamSpeed: 1 });
    const tts = speechOf();
    const errors: unknown[] = [];
    tts.on("error", (error) => errors.push(error));
    const interrupt = new AbortController();
    const stream = tts.synthesize(TEXT, undefined, interrupt.signal);
    let frames = 0;
    for await (const _ of stream) if (++frames === 2) interrupt.abort();
    expect(frames).toBeLessThan(5);
    expect(errors).toEqual([]);
  });

  it("reports a failing endpoint as agents-js's unrecoverable TTS error", async () => {
    await put("faults", { tts: "error" });
    const tts = speechOf();
    const errors: { recoverable: boolean; error: Error }[] = [];
    tts.on("error", (error) => errors.push(error));
    const rejected = await unhandledRejections(async () => {
      expect(await framesOf(tts.synthesize(TEXT))).toEqual([]);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.recoverable).toBe(false);
    expect(errors[0]?.error.message).toMatch(/500/);
    expect(rejected).toEqual([errors[0]?.error]);
  });
});

// Why OpenAISpeech exists: if these fail after an agents-js upgrade, the plugin may do both itself.
describe("agents-js's openai plugin (1.9), for comparison", () => {
  it("waits for the whole body before its first frame, and drops the last partial frame", async () => {
    await put("pace", { ttsStreamSpeed: 1 });
    const frames = await framesOf(
      new openai.TTS({ apiKey: "stand-in", baseURL: speech.ttsBaseURL }).synthesize(TEXT),
    );
    const spoken = lastSpoken();
    expect((frames[0]?.at ?? 0) - spoken.firstByteAt).toBeGreaterThan(spoken.audioMs * 0.7);
    const samples = frames.reduce((total, { frame }) => total + frame.samplesPerChannel, 0);
    expect(samples % 2400).toBe(0); // whole 100 ms frames only
    expect(samples / 24).toBeLessThan(spoken.audioMs);
  });
});
