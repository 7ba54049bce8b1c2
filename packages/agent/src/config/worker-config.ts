import { type Env, EnvReader } from "./env-reader.js";
import { readAgentName, readLiveKit } from "./livekit-config.js";

export const TTS_PROVIDERS = ["elevenlabs", "openai"] as const;

export interface WorkerConfig {
  agentName: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  stt: { apiKey: string; model: string; language: string; baseUrl: string | undefined };
  llm: { baseURL: string; apiKey: string; model: string; temperature: number };
  tts:
    | {
        provider: "elevenlabs";
        apiKey: string;
        voiceId: string | undefined;
        model: string | undefined;
        baseURL: string | undefined;
      }
    | { provider: "openai"; apiKey: string; voice: string; model: string; baseURL: string | undefined };
  /** Tool calls the model may chain in one turn (agents-js defaults to 3, too few for an intake). */
  maxToolSteps: number;
  /**
   * agents-js worker options; undefined keeps its defaults (start: full at 70 % CPU, min(cores, 4)
   * idle processes, health port 8081). `maxJobs` measures load as running jobs / maxJobs instead of CPU.
   */
  server: { maxJobs?: number; idleProcesses?: number; port?: number };
}

const OPENROUTER = "https://openrouter.ai/api/v1";

function readLlm(reader: EnvReader): WorkerConfig["llm"] {
  const baseURL = reader.url("LLM_BASE_URL", ["https", "http"], OPENROUTER);
  // Local OpenAI-compatible servers (Ollama, vLLM) usually need no key.
  const apiKey =
    baseURL === OPENROUTER
      ? reader.required(
          "OPENROUTER_API_KEY",
          "an OpenRouter key, or set LLM_BASE_URL to another OpenAI-compatible endpoint",
        )
      : (reader.optional("LLM_API_KEY") ?? "unused");
  return {
    baseURL,
    apiKey,
    model: reader.optional("LLM_MODEL") ?? "google/gemini-2.5-flash",
    temperature: reader.number("LLM_TEMPERATURE", 0.7, 0, 2),
  };
}

/** A provider endpoint override: validated when set, the plugin's default otherwise. */
function optionalUrl(reader: EnvReader, variable: string, protocols: readonly string[]): string | undefined {
  return reader.optional(variable) === undefined
    ? undefined
    : reader.url(variable, protocols).replace(/\/+$/, "");
}

const readMaxToolSteps = (reader: EnvReader) => reader.integer("VOICE_ONBOARDING_MAX_TOOL_STEPS", 10, 1, 50);

/** `voice-onboarding-agent chat`: only the model is needed (no LiveKit, no speech). */
export function loadChatConfig(env: Env): Pick<WorkerConfig, "llm" | "maxToolSteps"> {
  const reader = new EnvReader(env);
  return reader.done({ llm: readLlm(reader), maxToolSteps: readMaxToolSteps(reader) });
}

/** `voice-onboarding-agent dev|start`: providers chosen by environment, every problem named at start. */
export function loadWorkerConfig(env: Env): WorkerConfig {
  const reader = new EnvReader(env);
  const llm = readLlm(reader);
  const provider = reader.oneOf("TTS_PROVIDER", TTS_PROVIDERS, "elevenlabs");
  const tts =
    provider !== "elevenlabs" && provider !== "openai"
      ? undefined // already reported; asking for a key of an unknown provider would only add noise
      : provider === "elevenlabs"
        ? {
            provider,
            apiKey: reader.required("ELEVEN_API_KEY", "an ElevenLabs API key, or set TTS_PROVIDER=openai"),
            voiceId: reader.optional("ELEVENLABS_VOICE_ID"),
            model: reader.optional("ELEVENLABS_MODEL"),
            baseURL: optionalUrl(reader, "ELEVENLABS_BASE_URL", ["https", "http"]),
          }
        : {
            provider,
            apiKey: reader.required(
              "OPENAI_API_KEY",
              "an OpenAI API key for text-to-speech, or set TTS_PROVIDER=elevenlabs",
            ),
            voice: reader.optional("OPENAI_TTS_VOICE") ?? "alloy",
            model: reader.optional("OPENAI_TTS_MODEL") ?? "gpt-4o-mini-tts",
            // The name the OpenAI SDK itself reads.
            baseURL: optionalUrl(reader, "OPENAI_BASE_URL", ["https", "http"]),
          };
  return reader.done({
    agentName: readAgentName(reader),
    livekit: readLiveKit(reader),
    stt: {
      apiKey: reader.required("DEEPGRAM_API_KEY", "a Deepgram API key for speech-to-text"),
      model: reader.optional("DEEPGRAM_MODEL") ?? "nova-3",
      language: reader.optional("DEEPGRAM_LANGUAGE") ?? "en-US",
      // Deepgram's EU endpoint, a proxy or a self-hosted Deepgram; wss://api.deepgram.com by default.
      baseUrl: optionalUrl(reader, "DEEPGRAM_BASE_URL", ["wss", "ws", "https", "http"]),
    },
    llm,
    tts: tts as WorkerConfig["tts"],
    maxToolSteps: readMaxToolSteps(reader),
    server: readServerOptions(reader),
  });
}

function readServerOptions(reader: EnvReader): WorkerConfig["server"] {
  const set = (variable: string) => reader.optional(variable) !== undefined;
  return {
    ...(set("VOICE_ONBOARDING_MAX_JOBS") && {
      maxJobs: reader.integer("VOICE_ONBOARDING_MAX_JOBS", 10, 1, 1000),
    }),
    ...(set("VOICE_ONBOARDING_IDLE_PROCESSES") && {
      idleProcesses: reader.integer("VOICE_ONBOARDING_IDLE_PROCESSES", 1, 1, 32),
    }),
    ...(set("VOICE_ONBOARDING_WORKER_PORT") && {
      port: reader.integer("VOICE_ONBOARDING_WORKER_PORT", 8081, 1, 65535),
    }),
  };
}
