import type { IncomingMessage, ServerResponse } from "node:http";
import { durationMs, fromWav, rms, speakOrTone } from "./audio.js";

/**
 * Test stand-ins for OpenAI's audio endpoints, in their wire format:
 * - `POST /v1/audio/speech` (`{ model, input, voice, response_format: "pcm" }` → 16-bit 24 kHz mono
 *   PCM), speaking the text with espeak-ng (a tone where it is absent);
 * - `POST /v1/audio/transcriptions` (multipart: `file`, `model`, `response_format: "json"` →
 *   `{ text }`), which recognises nothing: speech gets the script's next line, silence "".
 */
export const OPENAI_TTS_SAMPLE_RATE = 24_000;
/**
 * espeak-ng's fastest rate by default: real speech at ~2.5× a person's pace, so suites that wait
 * for the agent's words (published in step with its audio) do not wait for slow playout.
 */
export const FAST_WORDS_PER_MINUTE = 450;

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts)));
    request.on("error", reject);
  });
}

export function sendOpenAIError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { message, type, param: null, code: null } }));
}

export interface SpeechOptions {
  /** Fixed time from the request to the first byte (benchmarks); synthesis runs meanwhile. */
  firstByteDelayMs: number;
  /** How fast the voice speaks; FAST_WORDS_PER_MINUTE unless a test needs a person's pace. */
  wordsPerMinute: number;
  onSpoken(spoken: SpokenText): void;
}

export interface SpokenText {
  text: string;
  audioMs: number;
  /** Wall clock (Date.now()): the request arrived, and its first audio byte was sent. */
  receivedAt: number;
  firstByteAt: number;
}

export async function serveSpeech(
  request: IncomingMessage,
  response: ServerResponse,
  options: SpeechOptions,
) {
  let body: { input?: unknown; response_format?: unknown };
  try {
    body = JSON.parse((await readBody(request)).toString("utf8"));
  } catch {
    return sendOpenAIError(
      response,
      400,
      "We could not parse the JSON body of your request.",
      "invalid_request_error",
    );
  }
  if (typeof body.input !== "string" || body.input.length === 0) {
    return sendOpenAIError(response, 400, "input must be a non-empty string", "invalid_request_error");
  }
  if (body.response_format !== "pcm") {
    return sendOpenAIError(
      response,
      400,
      "this stand-in answers response_format pcm only",
      "invalid_request_error",
    );
  }
  const receivedAt = Date.now();
  const [pcm] = await Promise.all([
    speakOrTone(body.input, OPENAI_TTS_SAMPLE_RATE, options.wordsPerMinute),
    new Promise((resolve) => setTimeout(resolve, options.firstByteDelayMs)),
  ]);
  response.writeHead(200, { "content-type": "audio/pcm", "transfer-encoding": "chunked" });
  options.onSpoken({ text: body.input, audioMs: durationMs(pcm), receivedAt, firstByteAt: Date.now() });
  const bytes = Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
  // In 100 ms chunks, as a streaming response arrives.
  const chunk = OPENAI_TTS_SAMPLE_RATE / 5;
  for (let offset = 0; offset < bytes.length; offset += chunk)
    response.write(bytes.subarray(offset, offset + chunk));
  response.end();
}

export async function serveTranscription(
  request: IncomingMessage,
  response: ServerResponse,
  nextLine: () => string,
): Promise<void> {
  const form = await new Response(new Uint8Array(await readBody(request)), {
    headers: { "content-type": request.headers["content-type"] ?? "" },
  })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof Blob) || typeof form.get("model") !== "string") {
    return sendOpenAIError(
      response,
      400,
      "a multipart body with file and model is required",
      "invalid_request_error",
    );
  }
  const audio = fromWav(Buffer.from(await file.arrayBuffer()));
  const text = rms(audio.samples) > 0.01 ? nextLine() : "";
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ text }));
}
