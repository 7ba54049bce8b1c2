import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { rms } from "./audio.js";

/**
 * A test stand-in for Deepgram's streaming `GET /v1/listen` WebSocket, in its real wire format
 * (developers.deepgram.com: live streaming, endpointing, interim results, utterance end). It takes
 * the linear16 audio the deepgram plugin sends, finds speech by energy, and answers with
 * `SpeechStarted`, interim and final `Results` (`is_final`, `speech_final`), `UtteranceEnd` and
 * `Metadata`. It recognises nothing: each utterance's words are the next line of the test's script.
 */
export interface ListenOptions {
  /** The recruiter's lines, in order; each utterance on a connection takes the next one. */
  script(): readonly string[];
  /** Fixed delay before a final result, standing in for Deepgram's own latency (benchmarks). */
  finalDelayMs(): number;
  onUtterance(utterance: HeardUtterance): void;
}

export interface HeardUtterance {
  transcript: string;
  /** Audio time (seconds since the stream began) of the utterance. */
  start: number;
  end: number;
  /** Wall clock: the last voiced audio arrived, and the final result was sent. */
  lastVoicedAt: number;
  finalSentAt: number;
}

/** Energy above which a frame is speech (espeak-ng through Opus is ~0.1; the plugin's own gate is 0.004). */
const SPEECH_RMS = 0.02;
/**
 * Silence that ends an utterance. Deepgram's model hears a sentence end after `endpointing` ms (the
 * plugin asks for 25); energy alone cannot tell a comma's pause from a turn's end, so this waits longer.
 */
export const MIN_SILENCE_MS = 500;
const INTERIM_EVERY_S = 0.3;

export interface ListenQuery {
  sampleRate: number;
  interimResults: boolean;
  vadEvents: boolean;
  endpointingMs: number | false;
  utteranceEndMs: number | undefined;
  model: string;
}

/** The query the plugin sends, validated as Deepgram would (it answers 400 to a bad one). */
export function parseListenQuery(request: IncomingMessage): ListenQuery | string {
  const query = new URL(request.url ?? "/", "http://stand-in").searchParams;
  const encoding = query.get("encoding");
  if (encoding !== "linear16") return `encoding must be linear16 here, got ${encoding}`;
  if ((query.get("channels") ?? "1") !== "1") return "only one channel is supported here";
  const sampleRate = Number(query.get("sample_rate"));
  if (!Number.isInteger(sampleRate) || sampleRate < 8000) return "sample_rate must be an integer ≥ 8000";
  const endpointing = query.get("endpointing");
  return {
    sampleRate,
    interimResults: query.get("interim_results") === "true",
    vadEvents: query.get("vad_events") === "true",
    endpointingMs: endpointing === null || endpointing === "false" ? false : Number(endpointing),
    utteranceEndMs: query.has("utterance_end_ms") ? Number(query.get("utterance_end_ms")) : undefined,
    model: query.get("model") ?? "nova-3",
  };
}

interface Utterance {
  start: number;
  voicedUntil: number;
  lastVoicedAt: number;
  interimsSent: number;
}

/** Serves one plugin connection until it sends CloseStream or goes away. */
export function serveListen(socket: WebSocket, query: ListenQuery, options: ListenOptions): void {
  const requestId = randomUUID();
  const modelUuid = randomUUID();
  const lines = [...options.script()];
  let nextLine = 0;
  let audioSeconds = 0;
  let current: Utterance | null = null;
  let lastWordEnd = 0;
  const silenceMs = Math.max(MIN_SILENCE_MS, query.endpointingMs || 0);
  const send = (message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const metadata = {
    request_id: requestId,
    model_info: { name: `general-${query.model}`, version: "stand-in", arch: query.model },
    model_uuid: modelUuid,
  };
  /** Words of the line, spread evenly over the utterance's audio. */
  const words = (line: string, start: number, end: number) => {
    const parts = line.split(/\s+/).filter(Boolean);
    const span = (end - start) / Math.max(1, parts.length);
    return parts.map((punctuated, index) => ({
      word: punctuated.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, ""),
      start: round(start + index * span),
      end: round(start + (index + 1) * span),
      confidence: 0.99,
      punctuated_word: punctuated,
    }));
  };
  const results = (
    line: string,
    start: number,
    end: number,
    flags: { is_final: boolean; speech_final: boolean; from_finalize?: boolean },
  ) => {
    const wordList = words(line, start, end);
    return {
      type: "Results",
      channel_index: [0, 1],
      duration: round(end - start),
      start: round(start),
      ...flags,
      from_finalize: flags.from_finalize ?? false,
      channel: {
        alternatives: [
          {
            transcript: wordList.map((word) => word.punctuated_word).join(" "),
            confidence: 0.99,
            words: wordList,
          },
        ],
      },
      metadata,
    };
  };

  const finish = (fromFinalize: boolean) => {
    const utterance = current;
    if (!utterance) return;
    current = null;
    const line = lines[nextLine] ?? "";
    if (line) nextLine += 1;
    const reply = () => {
      send(
        results(line, utterance.start, utterance.voicedUntil, {
          is_final: true,
          speech_final: !fromFinalize,
          from_finalize: fromFinalize,
        }),
      );
      if (line) lastWordEnd = utterance.voicedUntil;
      if (query.utteranceEndMs !== undefined && query.interimResults) {
        send({ type: "UtteranceEnd", channel: [0, 1], last_word_end: round(lastWordEnd) });
      }
      options.onUtterance({
        transcript: line,
        start: utterance.start,
        end: utterance.voicedUntil,
        lastVoicedAt: utterance.lastVoicedAt,
        finalSentAt: Date.now(),
      });
    };
    const delay = options.finalDelayMs();
    if (delay > 0) setTimeout(reply, delay);
    else reply();
  };

  // Audio stops arriving in silence (the plugin drops quiet frames), so the end is found by the clock.
  const endpointer = setInterval(() => {
    if (current && Date.now() - current.lastVoicedAt >= silenceMs) finish(false);
  }, 20);

  socket.on("message", (data, isBinary) => {
    if (!isBinary) {
      const { type } = JSON.parse(String(data)) as { type?: string };
      if (type === "Finalize") finish(true);
      else if (type === "CloseStream") {
        finish(false);
        send({
          type: "Metadata",
          transaction_key: "deprecated",
          request_id: requestId,
          sha256: "",
          created: new Date().toISOString(),
          duration: round(audioSeconds),
          channels: 1,
          models: [modelUuid],
          model_info: { [modelUuid]: metadata.model_info },
        });
        socket.close(1000);
      }
      return; // KeepAlive needs no answer
    }
    const buffer = data as Buffer;
    const samples = new Int16Array(buffer.buffer, buffer.byteOffset, Math.floor(buffer.length / 2));
    const frameStart = audioSeconds;
    audioSeconds += samples.length / query.sampleRate;
    if (rms(samples) < SPEECH_RMS) return;
    if (!current) {
      current = { start: frameStart, voicedUntil: audioSeconds, lastVoicedAt: Date.now(), interimsSent: 0 };
      if (query.vadEvents) send({ type: "SpeechStarted", channel: [0, 1], timestamp: round(frameStart) });
    }
    current.voicedUntil = audioSeconds;
    current.lastVoicedAt = Date.now();
    const line = lines[nextLine];
    const due = Math.floor((audioSeconds - current.start) / INTERIM_EVERY_S);
    if (query.interimResults && line && due > current.interimsSent) {
      current.interimsSent = due;
      // The words heard so far: a growing prefix of the line, never all of it before the final.
      const parts = line.split(/\s+/);
      const prefix = parts.slice(0, Math.min(parts.length - 1, due)).join(" ");
      if (prefix)
        send(results(prefix, current.start, audioSeconds, { is_final: false, speech_final: false }));
    }
  });
  socket.on("close", () => clearInterval(endpointer));
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
