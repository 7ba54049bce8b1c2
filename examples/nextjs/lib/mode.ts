import "server-only";
import { connectRecruiter, describeServiceError, readSessionClient } from "./session-service";

export type OnboardingMode = { kind: "live" } | { kind: "replay"; reason: string };

const MODES = ["auto", "live", "replay"] as const;
/** Long enough not to create a probe session per page view, short enough to notice a reconfigured service. */
const PROBE_TTL_MS = 30_000;

let probed: { mode: OnboardingMode; until: number } | null = null;

/**
 * Live when the session service can issue LiveKit tokens, replay otherwise. `VOICE_ONBOARDING_MODE`
 * forces either; `auto` (the default) asks the service for a token once, as the widget would.
 */
export async function resolveMode(env: NodeJS.ProcessEnv = process.env): Promise<OnboardingMode> {
  const wanted = env.VOICE_ONBOARDING_MODE?.trim() || "auto";
  if (!MODES.some((mode) => mode === wanted)) {
    throw new Error(`VOICE_ONBOARDING_MODE must be one of ${MODES.join(", ")}, got "${wanted}"`);
  }
  if (wanted === "replay") return { kind: "replay", reason: "VOICE_ONBOARDING_MODE is replay" };
  if (wanted === "live") return { kind: "live" };
  if (probed && probed.until > Date.now()) return probed.mode;
  const { mode, settled } = await probe(env);
  // An unreachable service may be starting up: ask again next time.
  if (settled) probed = { mode, until: Date.now() + PROBE_TTL_MS };
  return mode;
}

async function probe(env: NodeJS.ProcessEnv): Promise<{ mode: OnboardingMode; settled: boolean }> {
  const client = readSessionClient(env);
  if (client === null) {
    const reason = "VOICE_ONBOARDING_SERVICE_URL and VOICE_ONBOARDING_API_KEY are not set";
    return { mode: { kind: "replay", reason }, settled: true };
  }
  const connected = await connectRecruiter(client);
  if (connected.ok) return { mode: { kind: "live" }, settled: true };
  const { error } = connected;
  if (error.kind === "http" && error.code === "livekit_not_configured") {
    return {
      mode: { kind: "replay", reason: "The session service has no LiveKit credentials" },
      settled: true,
    };
  }
  return { mode: { kind: "replay", reason: describeServiceError(error).message }, settled: false };
}
