import { voice } from "@livekit/agents";

/** How long after the recruiter stops speaking a transcript may take before the turn counts as unheard. */
export const UNHEARD_AFTER_MS = 6_000;
/** Unheard turns in a row before speech-to-text is taken for dead (a cough may rightly yield no words). */
export const UNHEARD_TURNS = 2;

export interface HearingWatchdogOptions {
  session: Pick<voice.AgentSession, "on">;
  /** Called once when speech-to-text is taken for dead. */
  onDeaf(): void;
  unheardAfterMs?: number;
  unheardTurns?: number;
}

/**
 * Notices a speech-to-text that went quiet without saying so: Silero VAD (local) hears the
 * recruiter speak, but no transcript, not even an interim one, follows. agents-js 1.9's deepgram
 * plugin, after its socket is closed (1011) and reconnects are refused, neither retries nor
 * reports an error, so without this the agent goes deaf and nobody is told.
 */
export function watchHearing({
  session,
  onDeaf,
  unheardAfterMs = UNHEARD_AFTER_MS,
  unheardTurns = UNHEARD_TURNS,
}: HearingWatchdogOptions): () => void {
  let heardSinceSpeech = true;
  let unheard = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deaf = false;
  session.on(voice.AgentSessionEventTypes.UserInputTranscribed, () => {
    heardSinceSpeech = true;
    unheard = 0;
    clearTimeout(timer);
  });
  session.on(voice.AgentSessionEventTypes.UserStateChanged, ({ oldState, newState }) => {
    if (deaf) return;
    if (newState === "speaking") {
      heardSinceSpeech = false;
      clearTimeout(timer);
    } else if (oldState === "speaking" && !heardSinceSpeech) {
      timer = setTimeout(() => {
        if (heardSinceSpeech) return;
        unheard += 1;
        if (unheard < unheardTurns) return;
        deaf = true;
        onDeaf();
      }, unheardAfterMs);
    }
  });
  return () => clearTimeout(timer);
}
