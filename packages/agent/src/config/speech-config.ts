import type { EnvReader } from "./env-reader.js";

export const STT_PROVIDERS = ["deepgram", "openai"] as const;
export const TTS_PROVIDERS = ["elevenlabs", "openai"] as const;

export type SttConfig =
  | { provider: "deepgram"; apiKey: string; model: string; language: string; baseUrl: string | undefined }
  | { provider: "openai"; apiKey: string; model: string; language: string; baseURL: string | undefined };

export type TtsConfig =
  | {
      provider: "elevenlabs";
      apiKey: string;
      voiceId: string | undefined;
      model: string | undefined;
      baseURL: string | undefined;
    }
  | { provider: "openai"; apiKey: string; voice: string; model: string; baseURL: string | undefined };

/** A provider endpoint override: validated when set, the plugin's default otherwise. */
export function optionalUrl(
  reader: EnvReader,
  variable: string,
  protocols: readonly string[],
): string | undefined {
  return reader.optional(variable) === undefined
    ? undefined
    : reader.url(variable, protocols).replace(/\/+$/, "");
}

/** OpenAI's key, shared by its speech-to-text and text-to-speech; `use` says what needs it. */
const openaiKey = (reader: EnvReader, use: string, otherwise: string) =>
  reader.required(
    "OPENAI_API_KEY",
    `an OpenAI API key (or any value a self-hosted server accepts) for ${use}, or ${otherwise}`,
  );

/** The OpenAI SDK's own variable; a speech server of its own may override it per direction. */
function openaiBaseUrl(reader: EnvReader, override: string): string | undefined {
  // Both read, so a bad value is named even when the other one wins.
  const own = optionalUrl(reader, override, ["https", "http"]);
  const shared = optionalUrl(reader, "OPENAI_BASE_URL", ["https", "http"]);
  return own ?? shared;
}

/** Speech-to-text: Deepgram's streaming API (default) or any OpenAI-compatible transcription endpoint. */
export function readStt(reader: EnvReader): SttConfig | undefined {
  const provider = reader.oneOf("STT_PROVIDER", STT_PROVIDERS, "deepgram");
  if (provider === "deepgram") {
    return {
      provider,
      apiKey: reader.required(
        "DEEPGRAM_API_KEY",
        "a Deepgram API key for speech-to-text, or set STT_PROVIDER=openai",
      ),
      model: reader.optional("DEEPGRAM_MODEL") ?? "nova-3",
      language: reader.optional("DEEPGRAM_LANGUAGE") ?? "en-US",
      // Deepgram's EU endpoint, a proxy or a self-hosted Deepgram; wss://api.deepgram.com by default.
      baseUrl: optionalUrl(reader, "DEEPGRAM_BASE_URL", ["wss", "ws", "https", "http"]),
    };
  }
  if (provider === "openai") {
    return {
      provider,
      apiKey: openaiKey(reader, "speech-to-text", "set STT_PROVIDER=deepgram"),
      model: reader.optional("OPENAI_STT_MODEL") ?? "whisper-1",
      language: reader.optional("OPENAI_STT_LANGUAGE") ?? "en",
      baseURL: openaiBaseUrl(reader, "OPENAI_STT_BASE_URL"),
    };
  }
  return undefined; // already reported; asking for a key of an unknown provider would only add noise
}

/** Text-to-speech: ElevenLabs (default) or any OpenAI-compatible speech endpoint. */
export function readTts(reader: EnvReader): TtsConfig | undefined {
  const provider = reader.oneOf("TTS_PROVIDER", TTS_PROVIDERS, "elevenlabs");
  if (provider === "elevenlabs") {
    return {
      provider,
      apiKey: reader.required("ELEVEN_API_KEY", "an ElevenLabs API key, or set TTS_PROVIDER=openai"),
      voiceId: reader.optional("ELEVENLABS_VOICE_ID"),
      model: reader.optional("ELEVENLABS_MODEL"),
      baseURL: optionalUrl(reader, "ELEVENLABS_BASE_URL", ["https", "http"]),
    };
  }
  if (provider === "openai") {
    return {
      provider,
      apiKey: openaiKey(reader, "text-to-speech", "set TTS_PROVIDER=elevenlabs"),
      voice: reader.optional("OPENAI_TTS_VOICE") ?? "alloy",
      model: reader.optional("OPENAI_TTS_MODEL") ?? "gpt-4o-mini-tts",
      baseURL: openaiBaseUrl(reader, "OPENAI_TTS_BASE_URL"),
    };
  }
  return undefined;
}
