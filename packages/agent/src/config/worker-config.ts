import { type Env, EnvReader } from "./env-reader.js";
import { readAgentName, readLiveKit } from "./livekit-config.js";
import { readStt, readTts, type SttConfig, type TtsConfig } from "./speech-config.js";

export interface WorkerConfig {
  agentName: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  stt: SttConfig;
  llm: { baseURL: string; apiKey: string; model: string; temperature: number };
  tts: TtsConfig;
  /** Tool calls the model may chain in one turn (agents-js defaults to 3, too few for an intake). */
  maxToolSteps: number;
  /**
   * How the end of the recruiter's turn is found. "model": agents-js's end-of-turn model on top of
   * VAD (waits 0.3 s after a likely end, up to 2.5 s after an unlikely one: fewer cut-off thoughts).
   * "vad": Silero VAD's silence alone (0.5 s; fastest, and what the latency benchmark measures).
   */
  turnDetection: TurnDetection;
  /**
   * agents-js worker options; undefined keeps its defaults (start: full at 70 % CPU, min(cores, 4)
   * idle processes, health port 8081). `maxJobs` measures load as running jobs / maxJobs instead of CPU.
   */
  server: { maxJobs?: number; idleProcesses?: number; port?: number };
}

export const TURN_DETECTIONS = ["model", "vad"] as const;
export type TurnDetection = (typeof TURN_DETECTIONS)[number];

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
  const tts = readTts(reader);
  return reader.done({
    agentName: readAgentName(reader),
    livekit: readLiveKit(reader),
    stt: readStt(reader) as SttConfig, // undefined only with a reported problem
    llm,
    tts: tts as TtsConfig,
    maxToolSteps: readMaxToolSteps(reader),
    turnDetection: reader.oneOf("TURN_DETECTION", TURN_DETECTIONS, "model"),
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
