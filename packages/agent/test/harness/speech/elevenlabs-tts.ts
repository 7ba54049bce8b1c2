import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebSocket } from "ws";
import {
  durationMs,
  type Pcm,
  pcmChunks,
  readBody,
  type SpeechOptions,
  speakForStandIn,
  streamChunks,
  writePcmBody,
} from "./audio.js";

/**
 * A test stand-in for ElevenLabs text-to-speech in its real wire format (elevenlabs.io API reference:
 * "Multi-Context WebSocket" and "Stream speech"), as @livekit/agents-plugin-elevenlabs uses it:
 * - `GET /v1/text-to-speech/{voice_id}/multi-stream-input?model_id&output_format=pcm_<rate>&auto_mode…`
 *   (WebSocket, `xi-api-key` header). Text is buffered per `context_id` and spoken on `flush`, on every
 *   text with `auto_mode=true`, or once the `chunk_length_schedule` is reached; each 100 ms of PCM goes
 *   out as `{ audio: base64, alignment, normalizedAlignment, contextId }`, the character times counted
 *   from the context's first audio. `close_context` speaks what is left, then `{ isFinal: true, contextId }`.
 * - `POST /v1/text-to-speech/{voice_id}/stream?output_format=pcm_<rate>` (`{ text, model_id, … }` →
 *   raw PCM), the plugin's `synthesize()`.
 * Only PCM is served (the plugin's default, pcm_22050); mp3 and the other formats are refused.
 */
export const MULTI_STREAM_PATH = /^\/v1\/text-to-speech\/[^/]+\/multi-stream-input$/;
export const STREAM_PATH = /^\/v1\/text-to-speech\/[^/]+\/stream$/;

const PCM_RATES = [8000, 16_000, 22_050, 24_000, 44_100, 48_000];
/** ElevenLabs' default: the first generation waits for 120 characters, the next for 160, … */
const CHUNK_LENGTH_SCHEDULE = [120, 160, 250, 290];
const CHUNK_MS = 100;

export interface MultiStreamQuery {
  sampleRate: number;
  autoMode: boolean;
}

function pcmRate(format: string | null): number | string {
  const rate = Number(/^pcm_(\d+)$/.exec(format ?? "")?.[1]);
  return PCM_RATES.includes(rate)
    ? rate
    : `output_format must be one of ${PCM_RATES.map((each) => `pcm_${each}`).join(", ")} here, got ${format}`;
}

/** The query the plugin sends, validated as ElevenLabs would (a bad one is refused with 400). */
export function parseMultiStreamQuery(request: IncomingMessage): MultiStreamQuery | string {
  const query = new URL(request.url ?? "/", "http://stand-in").searchParams;
  const sampleRate = pcmRate(query.get("output_format"));
  if (typeof sampleRate === "string") return sampleRate;
  for (const flag of ["auto_mode", "sync_alignment", "enable_logging", "enable_ssml_parsing"]) {
    const value = query.get(flag);
    if (value !== null && value !== "true" && value !== "false") return `${flag} must be true or false`;
  }
  const timeout = query.get("inactivity_timeout");
  const seconds = Number(timeout);
  if (timeout !== null && !(Number.isInteger(seconds) && seconds >= 1 && seconds <= 180))
    return "inactivity_timeout must be an integer from 1 to 180";
  const normalization = query.get("apply_text_normalization");
  if (normalization !== null && !["auto", "on", "off"].includes(normalization))
    return "apply_text_normalization must be auto, on or off";
  return { sampleRate, autoMode: query.get("auto_mode") === "true" };
}

/** ElevenLabs' HTTP error body: `{ detail: { status, message } }`. */
export function sendElevenLabsError(
  response: ServerResponse,
  httpStatus: number,
  status: string,
  message: string,
): void {
  response.writeHead(httpStatus, { "content-type": "application/json" });
  response.end(JSON.stringify({ detail: { status, message } }));
}

/** `POST …/stream`: the whole text spoken, streamed back as raw PCM. */
export async function serveStream(
  request: IncomingMessage,
  response: ServerResponse,
  options: SpeechOptions,
) {
  const sampleRate = pcmRate(
    new URL(request.url ?? "/", "http://stand-in").searchParams.get("output_format"),
  );
  if (typeof sampleRate === "string")
    return sendElevenLabsError(response, 400, "invalid_output_format", sampleRate);
  let body: { text?: unknown };
  try {
    body = JSON.parse((await readBody(request)).toString("utf8"));
  } catch {
    return sendElevenLabsError(response, 400, "invalid_request", "the body must be JSON");
  }
  if (typeof body.text !== "string" || !body.text.trim())
    return sendElevenLabsError(response, 400, "invalid_request", "text must be a non-empty string");
  const pcm = await speakForStandIn(body.text, sampleRate, options);
  await writePcmBody(response, pcm, CHUNK_MS, options.streamSpeed);
}

export interface MultiStreamOptions {
  /** Read at each generation, so a test may change pace or latency on an open socket. */
  speech(): SpeechOptions;
  /** While true, each generation fails: an error on its context, then the socket closes (1011). */
  failing(): boolean;
}

interface Context {
  buffer: string;
  schedule: number[];
  generations: number;
  /** Audio already sent: alignment times count from the context's first audio. */
  audioMs: number;
  /** Generations and the close, in order. */
  work: Promise<void>;
}

interface ClientMessage {
  text?: unknown;
  context_id?: unknown;
  flush?: unknown;
  close_context?: unknown;
  close_socket?: unknown;
  generation_config?: { chunk_length_schedule?: unknown };
}

/**
 * ElevenLabs' `alignment` for each audio chunk: the characters whose time falls in it, here spread
 * evenly over the audio, timed from `startMs` (the audio the context has already sent).
 */
function alignments(text: string, startMs: number, audioMs: number, chunks: number) {
  const chars = [...text];
  const each = audioMs / chars.length;
  const byChunk = Array.from({ length: chunks }, () => [] as number[]);
  for (let at = 0; at < chars.length; at++)
    byChunk[Math.min(chunks - 1, Math.floor((at * each) / CHUNK_MS))]?.push(at);
  return byChunk.map((ats) =>
    ats.length
      ? {
          chars: ats.map((at) => chars[at]),
          charStartTimesMs: ats.map((at) => Math.round(startMs + at * each)),
          charDurationsMs: ats.map(() => Math.round(each)),
        }
      : null,
  );
}

/** Serves one plugin connection until it sends `close_socket` or goes away. */
export function serveMultiStream(
  socket: WebSocket,
  query: MultiStreamQuery,
  options: MultiStreamOptions,
): void {
  const contexts = new Map<string, Context>();
  const send = (message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const fail = (code: number, error: string, message: string, contextId?: string) => {
    send({ message, error, code, ...(contextId && { contextId }) });
    socket.close(code, error);
  };

  /** Speaks `text`; its alignment keeps the spaces between the texts, as the plugin sent them. */
  const speakInto = async (contextId: string, context: Context, text: string) => {
    if (options.failing()) return fail(1011, "internal_error", "stand-in fault: synthesis failed", contextId);
    const speech = options.speech();
    const pcm: Pcm = await speakForStandIn(text.trim(), query.sampleRate, speech);
    const chunks = pcmChunks(pcm, CHUNK_MS);
    const timings = alignments(text, context.audioMs, durationMs(pcm), chunks.length);
    context.audioMs += durationMs(pcm);
    await streamChunks(chunks, CHUNK_MS, speech.streamSpeed, (chunk, index) => {
      if (socket.readyState !== socket.OPEN) return false;
      const alignment = timings[index] ?? null;
      send({ audio: chunk.toString("base64"), alignment, normalizedAlignment: alignment, contextId });
      return true;
    });
  };
  const enqueue = (context: Context, task: () => Promise<void> | void) => {
    context.work = context.work
      .then(task)
      .catch((error: unknown) => fail(1011, "internal_error", String(error)));
  };
  const generate = (contextId: string, context: Context) => {
    const text = context.buffer.trimStart();
    context.buffer = "";
    if (!text) return;
    context.generations += 1;
    enqueue(context, () => speakInto(contextId, context, text));
  };

  socket.on("message", (data) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(data));
      if (typeof message !== "object" || message === null) throw new Error("not an object");
    } catch {
      return fail(1008, "invalid_input_message", "could not parse the input message as JSON");
    }
    const { text, context_id: contextId = "default" } = message;
    if ((text !== undefined && typeof text !== "string") || typeof contextId !== "string")
      return fail(1008, "invalid_input_message", "text and context_id must be strings");
    if (message.close_socket === true) {
      void Promise.all([...contexts.values()].map((context) => context.work)).then(() => socket.close(1000));
      return;
    }
    let context = contexts.get(contextId);
    if (!context) {
      const schedule = message.generation_config?.chunk_length_schedule;
      context = {
        buffer: "",
        schedule: Array.isArray(schedule) && schedule.length ? schedule.map(Number) : CHUNK_LENGTH_SCHEDULE,
        generations: 0,
        audioMs: 0,
        work: Promise.resolve(),
      };
      contexts.set(contextId, context);
    }
    if (message.close_context === true) {
      generate(contextId, context);
      contexts.delete(contextId);
      enqueue(context, () => send({ isFinal: true, contextId }));
      return;
    }
    context.buffer += text ?? "";
    const threshold = context.schedule[Math.min(context.generations, context.schedule.length - 1)] ?? 0;
    const due =
      message.flush === true || (query.autoMode && text?.trim()) || context.buffer.length >= threshold;
    if (due) generate(contextId, context);
  });
}
