import { describe, expect, it } from "vitest";
import { ConfigError, loadServerConfig, loadWorkerConfig } from "./index.js";

const livekit = {
  LIVEKIT_URL: "wss://acme.livekit.cloud",
  LIVEKIT_API_KEY: "APIkey",
  LIVEKIT_API_SECRET: "secret",
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  return [];
}

describe("worker configuration", () => {
  it("names every missing variable at once", () => {
    expect(problemsOf(() => loadWorkerConfig({}))).toEqual([
      "OPENROUTER_API_KEY",
      "ELEVEN_API_KEY",
      "LIVEKIT_URL",
      "LIVEKIT_API_KEY",
      "LIVEKIT_API_SECRET",
      "DEEPGRAM_API_KEY",
    ]);
    expect(() => loadWorkerConfig({})).toThrow(/DEEPGRAM_API_KEY: required: a Deepgram API key/);
  });

  it("defaults to OpenRouter gemini-2.5-flash, nova-3 and ElevenLabs", () => {
    const config = loadWorkerConfig({
      ...livekit,
      OPENROUTER_API_KEY: "or",
      DEEPGRAM_API_KEY: "dg",
      ELEVEN_API_KEY: "el",
    });
    expect(config.llm).toEqual({
      baseURL: "https://openrouter.ai/api/v1",
      apiKey: "or",
      model: "google/gemini-2.5-flash",
      temperature: 0.7,
    });
    expect(config.stt.model).toBe("nova-3");
    expect(config.tts.provider).toBe("elevenlabs");
    expect(config.maxToolSteps).toBeGreaterThanOrEqual(8);
    expect(config.turnDetection).toBe("model");
  });

  it("accepts a local OpenAI-compatible endpoint without a key and OpenAI TTS", () => {
    const config = loadWorkerConfig({
      ...livekit,
      LLM_BASE_URL: "http://127.0.0.1:11434/v1",
      LLM_MODEL: "llama3.1",
      DEEPGRAM_API_KEY: "dg",
      TTS_PROVIDER: "openai",
      OPENAI_API_KEY: "sk",
    });
    expect(config.llm).toMatchObject({ baseURL: "http://127.0.0.1:11434/v1", model: "llama3.1" });
    expect(config.tts).toEqual({
      provider: "openai",
      apiKey: "sk",
      voice: "alloy",
      model: "gpt-4o-mini-tts",
    });
  });

  it("explains invalid values", () => {
    const env = {
      ...livekit,
      LIVEKIT_URL: "acme.livekit.cloud",
      TTS_PROVIDER: "polly",
      TURN_DETECTION: "silence",
      LLM_TEMPERATURE: "hot",
      DEEPGRAM_API_KEY: "dg",
      OPENROUTER_API_KEY: "or",
    };
    expect(() => loadWorkerConfig(env)).toThrow(
      /TTS_PROVIDER: must be one of elevenlabs, openai, got "polly"/,
    );
    expect(() => loadWorkerConfig(env)).toThrow(/TURN_DETECTION: must be one of model, vad, got "silence"/);
    expect(problemsOf(() => loadWorkerConfig(env))).toEqual([
      "LLM_TEMPERATURE",
      "TTS_PROVIDER",
      "LIVEKIT_URL",
      "TURN_DETECTION",
    ]);
  });
});

describe("server configuration", () => {
  it("requires an API key, and every LiveKit credential once one is given", () => {
    expect(problemsOf(() => loadServerConfig({}))).toEqual(["VOICE_ONBOARDING_API_KEY"]);
    const partial = { VOICE_ONBOARDING_API_KEY: "k".repeat(32), LIVEKIT_URL: "wss://x.livekit.cloud" };
    expect(problemsOf(() => loadServerConfig(partial))).toEqual(["LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"]);
    expect(loadServerConfig({ VOICE_ONBOARDING_API_KEY: "k".repeat(32) }).livekit).toBeUndefined();
    expect(problemsOf(() => loadServerConfig({ ...livekit, VOICE_ONBOARDING_API_KEY: "short" }))).toEqual([
      "VOICE_ONBOARDING_API_KEY",
    ]);
    expect(
      problemsOf(() =>
        loadServerConfig({ ...livekit, VOICE_ONBOARDING_API_KEY: "k".repeat(32), PORT: "http" }),
      ),
    ).toEqual(["PORT"]);
  });

  it("defaults port, agent name and a short token TTL", () => {
    expect(loadServerConfig({ ...livekit, VOICE_ONBOARDING_API_KEY: "k".repeat(32) })).toMatchObject({
      port: 8787,
      agentName: "voice-onboarding",
      tokenTtlSeconds: 600,
      rateLimits: { sessions: { perMinute: 60 }, tokens: { perMinute: 300 } },
      retentionDays: 0,
    });
  });

  it("reads rate limits and retention, and refuses nonsense", () => {
    const env = { ...livekit, VOICE_ONBOARDING_API_KEY: "k".repeat(32) };
    expect(
      loadServerConfig({
        ...env,
        VOICE_ONBOARDING_SESSIONS_PER_MINUTE: "5",
        VOICE_ONBOARDING_RETENTION_DAYS: "30",
      }),
    ).toMatchObject({ rateLimits: { sessions: { perMinute: 5 } }, retentionDays: 30 });
    expect(
      problemsOf(() =>
        loadServerConfig({
          ...env,
          VOICE_ONBOARDING_TOKENS_PER_MINUTE: "0",
          VOICE_ONBOARDING_RETENTION_DAYS: "-1",
        }),
      ),
    ).toEqual(["VOICE_ONBOARDING_TOKENS_PER_MINUTE", "VOICE_ONBOARDING_RETENTION_DAYS"]);
  });
});

describe("speech providers", () => {
  const base = { ...livekit, LLM_BASE_URL: "http://127.0.0.1:11434/v1", TTS_PROVIDER: "openai" };

  it("takes any OpenAI-compatible transcription endpoint, its own or OPENAI_BASE_URL", () => {
    const shared = loadWorkerConfig({
      ...base,
      STT_PROVIDER: "openai",
      OPENAI_API_KEY: "sk",
      OPENAI_BASE_URL: "http://127.0.0.1:8000/v1/",
    });
    expect(shared.stt).toEqual({
      provider: "openai",
      apiKey: "sk",
      model: "whisper-1",
      language: "en",
      baseURL: "http://127.0.0.1:8000/v1",
    });
    expect(shared.tts.baseURL).toBe("http://127.0.0.1:8000/v1");
    const split = loadWorkerConfig({
      ...base,
      STT_PROVIDER: "openai",
      OPENAI_API_KEY: "sk",
      OPENAI_STT_BASE_URL: "http://127.0.0.1:8000/v1",
      OPENAI_TTS_BASE_URL: "http://127.0.0.1:8880/v1",
      OPENAI_STT_MODEL: "Systran/faster-whisper-small",
    });
    expect(split.stt).toMatchObject({
      baseURL: "http://127.0.0.1:8000/v1",
      model: "Systran/faster-whisper-small",
    });
    expect(split.tts.baseURL).toBe("http://127.0.0.1:8880/v1");
  });

  it("names the shared OpenAI key once and no Deepgram key when STT is openai", () => {
    expect(problemsOf(() => loadWorkerConfig({ ...base, STT_PROVIDER: "openai" }))).toEqual([
      "OPENAI_API_KEY",
    ]);
    expect(
      problemsOf(() => loadWorkerConfig({ ...base, STT_PROVIDER: "whisper", OPENAI_API_KEY: "sk" })),
    ).toEqual(["STT_PROVIDER"]);
  });

  it("refuses provider URLs that are not URLs of the right kind, naming the variable", () => {
    const env = {
      ...base,
      OPENAI_API_KEY: "sk",
      DEEPGRAM_API_KEY: "dg",
      DEEPGRAM_BASE_URL: "ftp://api.eu.deepgram.com",
      OPENAI_BASE_URL: "api.openai.com/v1",
      OPENAI_TTS_BASE_URL: "ws://127.0.0.1:8880",
    };
    expect(problemsOf(() => loadWorkerConfig(env))).toEqual([
      "OPENAI_TTS_BASE_URL",
      "OPENAI_BASE_URL",
      "DEEPGRAM_BASE_URL",
    ]);
    expect(() => loadWorkerConfig(env)).toThrow(
      /DEEPGRAM_BASE_URL: must be a wss or ws or https or http URL, got "ftp:/,
    );
    expect(
      loadWorkerConfig({
        ...env,
        DEEPGRAM_BASE_URL: "https://api.eu.deepgram.com",
        OPENAI_BASE_URL: "",
        OPENAI_TTS_BASE_URL: "",
      }).stt,
    ).toMatchObject({ provider: "deepgram", baseUrl: "https://api.eu.deepgram.com" });
  });
});
