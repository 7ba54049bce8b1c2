import { type Env, EnvReader } from "./env-reader.js";
import { LIVEKIT_VARIABLES, readAgentName, readLiveKit } from "./livekit-config.js";

export interface ServerConfig {
  port: number;
  /** Interface to listen on: loopback by default; set HOST=0.0.0.0 in a container. */
  host: string;
  apiKey: string;
  /** Undefined when no LIVEKIT_* variable is set: sessions work, tokens answer 503 (replay demos). */
  livekit: { url: string; apiKey: string; apiSecret: string } | undefined;
  agentName: string;
  tokenTtlSeconds: number;
  /** Per tenant and service process. */
  rateLimits: { sessions: { perMinute: number }; tokens: { perMinute: number } };
  /** Sessions untouched this many days are erased by `serve` (hourly) and `purge`; 0 keeps them. */
  retentionDays: number;
}

/** `voice-onboarding-agent serve`: the session & token service. */
export function loadServerConfig(env: Env): ServerConfig {
  const reader = new EnvReader(env);
  const apiKey = reader.required(
    "VOICE_ONBOARDING_API_KEY",
    "a long random secret your backend sends as `Authorization: Bearer …` (e.g. `openssl rand -hex 32`)",
  );
  if (apiKey !== "" && apiKey.length < 16) {
    reader.problems.push({ variable: "VOICE_ONBOARDING_API_KEY", problem: "must be at least 16 characters" });
  }
  return reader.done({
    port: reader.integer("PORT", 8787, 0, 65535),
    host: reader.optional("HOST") ?? "127.0.0.1",
    apiKey,
    livekit: LIVEKIT_VARIABLES.some((name) => reader.optional(name) !== undefined)
      ? readLiveKit(reader)
      : undefined,
    agentName: readAgentName(reader),
    tokenTtlSeconds: reader.integer("VOICE_ONBOARDING_TOKEN_TTL_SECONDS", 600, 60, 3600),
    rateLimits: {
      sessions: { perMinute: reader.integer("VOICE_ONBOARDING_SESSIONS_PER_MINUTE", 60, 1, 100_000) },
      tokens: { perMinute: reader.integer("VOICE_ONBOARDING_TOKENS_PER_MINUTE", 300, 1, 100_000) },
    },
    retentionDays: reader.integer("VOICE_ONBOARDING_RETENTION_DAYS", 0, 0, 36_500),
  });
}
