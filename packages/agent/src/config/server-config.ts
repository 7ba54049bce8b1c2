import { type Env, EnvReader } from "./env-reader.js";
import { readAgentName, readLiveKit } from "./livekit-config.js";

export interface ServerConfig {
  port: number;
  apiKey: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  agentName: string;
  tokenTtlSeconds: number;
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
    apiKey,
    livekit: readLiveKit(reader),
    agentName: readAgentName(reader),
    tokenTtlSeconds: reader.integer("VOICE_ONBOARDING_TOKEN_TTL_SECONDS", 600, 60, 3600),
  });
}
