/**
 * The speech stand-ins (tests only: no cloud provider is reachable here) behind the real agents-js
 * plugins: what a Deepgram, OpenAI or ElevenLabs client sends them and reads back must be what the provider's
 * wire format says, or the plugins would fail here as they would against the real service.
 */

import { initializeLogger, stt as sttEvents, tts as ttsEvents } from "@livekit/agents";
import * as deepgram from "@livekit/agents-plugin-deepgram";
import * as elevenlabs from "@livekit/agents-plugin-elevenlabs";
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

/** The HTTP status a WebSocket handshake gets (101 when it opens). */
const handshake = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
  });

const audioMs = (frames: readonly AudioFrame[]) =>
  frames.reduce((total, frame) => total + (frame.samplesPerChannel / frame.sampleRate) * 1000, 0);

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
    const status = handshake;
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
    const ms = audioMs(frames);
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

describe("ElevenLabs text-to-speech stand-in behind the elevenlabs plugin", () => {
  const SENTENCES = ["Tell me about the interview stages.", "Who joins the final round?"];
  const plugin = (options: Partial<elevenlabs.TTSOptions> = {}) =>
    new elevenlabs.TTS({ apiKey: "stand-in", baseURL: speech.elevenLabsBaseURL, ...options });

  it("streams each sentence as PCM at the rate the plugin asked for, with word timings along the audio", async () => {
    const tts = plugin();
    const spokenBefore = speech.spoken.length;
    const stream = tts.stream();
    for (const sentence of SENTENCES) stream.pushText(`${sentence} `);
    stream.flush();
    stream.endInput();
    const frames: AudioFrame[] = [];
    const words: { text: string; startTime?: number; endTime?: number }[] = [];
    for await (const audio of stream) {
      if (audio === ttsEvents.SynthesizeStream.END_OF_STREAM) continue;
      frames.push(audio.frame);
      words.push(...(audio.timedTranscripts ?? []));
    }
    await tts.close();

    expect(frames[0]?.sampleRate).toBe(22_050); // the plugin's default output_format, pcm_22050
    const ms = audioMs(frames);
    // Eleven words at 450 words a minute (or a tone as long): about 1.5 s.
    expect(ms).toBeGreaterThan(900);
    expect(ms).toBeLessThan(5000);
    // auto_mode: one generation per sentence, in order; all of its audio arrived, at the plugin's rate.
    expect(speech.spoken.slice(spokenBefore)).toEqual(SENTENCES);
    const sentMs = speech.spokenTimed
      .slice(spokenBefore)
      .reduce((total, spoken) => total + spoken.audioMs, 0);
    expect(Math.abs(ms - sentMs)).toBeLessThan(20);
    // The alignment became the plugin's timed words: all of them, in order, within the audio.
    expect(
      words
        .map((word) => word.text)
        .join("")
        .trim(),
    ).toBe(SENTENCES.join(" "));
    const starts = words.map((word) => word.startTime ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const end = words.at(-1)?.endTime ?? 0;
    expect(end).toBeGreaterThan(ms / 2000);
    expect(end).toBeLessThanOrEqual(ms / 1000 + 0.05);
  });

  it("speaks synthesize()'s text over HTTP /stream at the requested rate", async () => {
    const tts = plugin({ encoding: "pcm_16000" });
    const frames: AudioFrame[] = [];
    for await (const audio of tts.synthesize(SENTENCES[0] as string)) frames.push(audio.frame);
    expect(frames[0]?.sampleRate).toBe(16_000);
    const ms = audioMs(frames);
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThan(2500);
    expect(speech.spoken.at(-1)).toBe(SENTENCES[0]);
  });

  it("fails synthesis while the TTS fault is set: an error the plugin surfaces, and 500 over HTTP", async () => {
    await put("faults", { tts: "error" });
    try {
      const tts = plugin();
      const errors: { recoverable: boolean }[] = [];
      tts.on("error", (error) => errors.push(error));
      const spokenBefore = speech.spoken.length;
      const stream = tts.stream({ connOptions: { maxRetry: 0, retryIntervalMs: 0, timeoutMs: 10_000 } });
      stream.pushText(`${SENTENCES[0]} `);
      stream.endInput();
      const frames: unknown[] = [];
      for await (const audio of stream) frames.push(audio);
      await tts.close();
      expect(frames).toEqual([]);
      expect(errors).toMatchObject([{ recoverable: false }]);
      expect(speech.spoken.length).toBe(spokenBefore);

      const response = await fetch(
        `${speech.elevenLabsBaseURL}/text-to-speech/v/stream?output_format=pcm_22050`,
        {
          method: "POST",
          headers: { "xi-api-key": "k", "content-type": "application/json" },
          body: JSON.stringify({ text: "hi", model_id: "eleven_turbo_v2_5" }),
        },
      );
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ detail: { status: "internal_error" } });
    } finally {
      await put("faults", { tts: "ok" });
    }
  });

  it("refuses a request without an xi-api-key or asking for audio it cannot make, as ElevenLabs does", async () => {
    const socketURL = `${speech.elevenLabsBaseURL.replace("http", "ws")}/text-to-speech/v/multi-stream-input`;
    const key = { "xi-api-key": "k" };
    expect(await handshake(`${socketURL}?model_id=eleven_turbo_v2_5&output_format=pcm_22050`, {})).toBe(401);
    expect(await handshake(`${socketURL}?output_format=mp3_44100_128`, key)).toBe(400);
    expect(await handshake(`${socketURL}?output_format=pcm_22050&inactivity_timeout=999`, key)).toBe(400);
    expect(await handshake(`${socketURL}?output_format=pcm_22050&auto_mode=yes`, key)).toBe(400);
    expect(await handshake(`${socketURL}?output_format=pcm_22050&inactivity_timeout=180`, key)).toBe(101);

    const post = (headers: Record<string, string>, format = "pcm_22050") =>
      fetch(`${speech.elevenLabsBaseURL}/text-to-speech/v/stream?output_format=${format}`, {
        method: "POST",
        headers,
        body: JSON.stringify({ text: "hi" }),
      });
    const unauthorised = await post({});
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toMatchObject({ detail: { status: "invalid_api_key" } });
    expect((await post(key, "mp3_44100_128")).status).toBe(400);
  });
});
