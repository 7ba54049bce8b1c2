import type { EnvReader } from "./env-reader.js";

export const DEFAULT_AGENT_NAME = "voice-onboarding";
export const LIVEKIT_VARIABLES = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const;

export function readLiveKit(reader: EnvReader) {
  return {
    url: reader.url("LIVEKIT_URL", ["wss", "ws", "https", "http"]),
    apiKey: reader.required("LIVEKIT_API_KEY", "the API key of your LiveKit Cloud project or livekit-server"),
    apiSecret: reader.required("LIVEKIT_API_SECRET", "the API secret paired with LIVEKIT_API_KEY"),
  };
}

export function readAgentName(reader: EnvReader): string {
  return reader.optional("VOICE_ONBOARDING_AGENT_NAME") ?? DEFAULT_AGENT_NAME;
}
