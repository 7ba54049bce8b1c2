/**
 * The speech stand-ins (tests only: no cloud provider is reachable here) behind the real agents-js
 * plugins: what a Deepgram or OpenAI client sends them and reads back must be what the provider's
 * wire format says, or the plugins would fail here as they would against the real service.
 */

import { initializeLogger, stt as sttEvents } from "@livekit/agents";
import * as deepgram from "@livekit/agents-plugin-deepgram";
import * as openai from "@livekit/agents-plugin-openai";
import { AudioFrame } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { concat, durationMs, hasEspeak, type Pcm, silence, speakOrTone } from "../harness/speech/audio.js";
import { type SpeechStandIns, startSpeechStandIns } from "../harness/speech-stand-ins.js";

const LINES = ["We are hiring a senior backend engineer.", "Hybrid in Berlin, three days onsite."];

let speech: SpeechStandIns;
beforeAll(async () => {
  initializeLogger({ pretty: false, level: "warn" });
  speech = await startSpeechStandIns();
});
afterAll(() => speech.close());

const put = (route: string, body: unknown) =>
  fetch(`${speech.controlURL}/${route}`, { method: "PUT", body: JSON.stringify(body) });

/** Pushes audio in 10 ms frames at real time, as a room's audio stream delivers it. */
async function pushRealTime(stream: sttEvents.SpeechStream, pcm: Pcm) {
  const frame = pcm.sampleRate / 100;
  for (let offset = 0; offset < pcm.samples.length; offset += frame) {
    stream.pushFrame(new AudioFrame(pcm.samples.slice(offset, offset + frame), pcm.sampleRate, 1, frame));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("Deepgram /v1/listen stand-in behind the deepgram plugin", () => {
  it("finds each utterance by energy and answers the script's lines in order: interim, final, end of speech", async () => {
    await put("script", { lines: LINES });
    const plugin = new deepgram.STT({ apiKey: "stand-in", baseUrl: speech.sttBaseURL });
    const stream = plugin.stream();
    const events: { type: sttEvents.SpeechEventType; text?: string }[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        events.push({ type: event.type, text: event.alternatives?.[0]?.text });
        if (events.filter((seen) => seen.type === sttEvents.SpeechEventType.END_OF_SPEECH).length === 2)
          break;
      }
    })();
    const rate = 16_000;
    const audio = concat([
      silence(300, rate),
      await speakOrTone(LINES[0] as string, rate),
      silence(1200, rate),
      await speakOrTone(LINES[1] as string, rate),
      silence(1200, rate),
    ]);
    await pushRealTime(stream, audio);
    await reading;
    stream.close();

    const finals = events.filter((event) => event.type === sttEvents.SpeechEventType.FINAL_TRANSCRIPT);
    expect(finals.map((event) => event.text)).toEqual(LINES);
    const interims = events.filter((event) => event.type === sttEvents.SpeechEventType.INTERIM_TRANSCRIPT);
    expect(interims.length).toBeGreaterThan(0);
    for (const interim of interims)
      expect(LINES.some((line) => line.startsWith(interim.text ?? "?"))).toBe(true);
    // Each final comes between its start and end of speech.
    const order = events
      .map((event) => event.type)
      .filter(
        (type) =>
          type !== sttEvents.SpeechEventType.INTERIM_TRANSCRIPT &&
          type !== sttEvents.SpeechEventType.RECOGNITION_USAGE,
      );
    expect(order).toEqual([
      sttEvents.SpeechEventType.START_OF_SPEECH,
      sttEvents.SpeechEventType.FINAL_TRANSCRIPT,
      sttEvents.SpeechEventType.END_OF_SPEECH,
      sttEvents.SpeechEventType.START_OF_SPEECH,
      sttEvents.SpeechEventType.FINAL_TRANSCRIPT,
      sttEvents.SpeechEventType.END_OF_SPEECH,
    ]);
    const [first, second] = speech.heard.slice(-2);
    expect(first?.end).toBeLessThan(second?.start ?? 0);
    expect(speech.heardBytes).toBeGreaterThan(rate * 2); // more than a second of audio crossed the socket
  });

  it("refuses a connection without a Deepgram token or with audio it cannot read, as Deepgram does", async () => {
    const status = (url: string, headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, { headers });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
      });
    const listen = `${speech.sttBaseURL}/v1/listen`;
    expect(await status(`${listen}?encoding=linear16&sample_rate=16000`, {})).toBe(401);
    expect(await status(`${listen}?encoding=opus&sample_rate=16000`, { authorization: "Token k" })).toBe(400);
    expect(await status(`${listen}?encoding=linear16&sample_rate=16000`, { authorization: "Token k" })).toBe(
      101,
    );
  });
});

describe("OpenAI audio stand-ins behind the openai plugin", () => {
  it("speaks the text as 24 kHz audio of a speech-like length", async () => {
    const tts = new openai.TTS({ apiKey: "stand-in", baseURL: speech.ttsBaseURL });
    const frames: AudioFrame[] = [];
    for await (const audio of tts.synthesize("Tell me about the interview stages.")) frames.push(audio.frame);
    const ms = frames.reduce(
      (total, frame) => total + (frame.samplesPerChannel / frame.sampleRate) * 1000,
      0,
    );
    expect(frames[0]?.sampleRate).toBe(24_000);
    // Six words at 450 words a minute (espeak-ng's fastest, or a tone as long): about 0.8 s.
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThan(2500);
    const state = (await (await fetch(`${speech.controlURL}/state`)).json()) as { voice: string };
    expect(state.voice).toBe(hasEspeak() ? "espeak-ng" : "tone");
  });

  it("answers 500 in OpenAI's error shape while the TTS fault is set", async () => {
    await put("faults", { tts: "error" });
    const response = await fetch(`${speech.ttsBaseURL}/audio/speech`, {
      method: "POST",
      body: JSON.stringify({ model: "tts-1", input: "hi", voice: "alloy", response_format: "pcm" }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { type: "server_error" } });
    await put("faults", { tts: "ok" });
  });

  it("transcribes an utterance from the transcriptions endpoint as the script's next line", async () => {
    await put("script", { lines: LINES });
    const plugin = new openai.STT({
      apiKey: "stand-in",
      baseURL: speech.ttsBaseURL,
      useRealtime: false,
      model: "whisper-1",
    });
    const utterance = await speakOrTone(LINES[0] as string, 16_000);
    const toFrame = (pcm: Pcm) => new AudioFrame(pcm.samples, pcm.sampleRate, 1, pcm.samples.length);
    const first = await plugin.recognize([toFrame(utterance)]);
    expect(first.alternatives?.[0]?.text).toBe(LINES[0]);
    expect(durationMs(utterance)).toBeGreaterThan(500);
    const quiet = await plugin.recognize([toFrame(silence(500, 16_000))]);
    expect(quiet.alternatives?.[0]?.text).toBe("");
  });
});
