import type { IncomingMessage, ServerResponse } from "node:http";
import { fromWav, readBody, rms, type SpeechOptions, speakForStandIn, writePcmBody } from "./audio.js";

// Their home was here; bench/ and the e2e suite import them from this module.
export { FAST_WORDS_PER_MINUTE, type SpeechOptions, type SpokenText } from "./audio.js";

/**
 * Test stand-ins for OpenAI's audio endpoints, in their wire format:
 * - `POST /v1/audio/speech` (`{ model, input, voice, response_format: "pcm" }` → 16-bit 24 kHz mono
 *   PCM), speaking the text with espeak-ng (a tone where it is absent);
 * - `POST /v1/audio/transcriptions` (multipart: `file`, `model`, `response_format: "json"` →
 *   `{ text }`), which recognises nothing: speech gets the script's next line, silence "".
 */
export const OPENAI_TTS_SAMPLE_RATE = 24_000;
const CHUNK_MS = 100;

export function sendOpenAIError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { message, type, param: null, code: null } }));
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
  const pcm = await speakForStandIn(body.input, OPENAI_TTS_SAMPLE_RATE, options);
  await writePcmBody(response, pcm, CHUNK_MS, options.streamSpeed);
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
