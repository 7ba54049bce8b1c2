import { randomUUID } from "node:crypto";
import { voice } from "@livekit/agents";

/** What the recruiter reads when a speech or model provider fails (after the plugins' own retries). */
export const PROVIDER_FAILURE_NOTICES = {
  tts_error:
    "My voice isn't working right now (the text-to-speech service failed), so I'll answer in text from here. Everything so far is saved.",
  stt_error:
    "I can't hear you any more: the speech-to-text service stopped answering. Everything so far is saved. Press End, then Start, to try again.",
  llm_error:
    "I'm having trouble thinking right now (the language model service failed). Everything so far is saved; please try that again in a moment.",
} as const;

export type FailingProvider = keyof typeof PROVIDER_FAILURE_NOTICES;

export interface ProviderFailureOptions {
  session: Pick<voice.AgentSession, "on">;
  /** Text-to-speech failed for good: the agent goes on in text (see voice-output.ts). */
  onVoiceFailed(): void;
  /** Puts a line in the recruiter's transcript as the agent's, in text (the voice may be what failed). */
  tell(text: string): Promise<unknown>;
  logger: { warn(detail: object, message: string): void };
}

/**
 * Tells the recruiter in text when a provider fails for good, once per provider. A failed
 * text-to-speech turns the agent's audio off so the intake goes on in text; a failed
 * speech-to-text ends the session (agents-js closes it), so the recruiter learns why it stopped.
 * Returns `failed` for failures found another way (a speech-to-text that went quiet).
 */
export function watchProviderFailures({ session, onVoiceFailed, tell, logger }: ProviderFailureOptions): {
  failed(provider: FailingProvider, cause: string): void;
} {
  const told = new Set<FailingProvider>();
  const failed = (provider: FailingProvider, cause: string) => {
    if (told.has(provider)) return;
    told.add(provider);
    if (provider === "tts_error") onVoiceFailed();
    logger.warn({ provider, error: cause }, "a provider failed");
    tell(PROVIDER_FAILURE_NOTICES[provider]).catch((sendError: unknown) =>
      logger.warn({ error: String(sendError) }, "could not tell the recruiter that a provider failed"),
    );
  };
  session.on(voice.AgentSessionEventTypes.Error, ({ error }) => {
    if (error.recoverable || !(error.type in PROVIDER_FAILURE_NOTICES)) return;
    if ("error" in error && isAbort(error.error)) return;
    failed(error.type as FailingProvider, String("error" in error ? error.error : error));
  });
  return { failed };
}

/**
 * agents-js 1.9 reports a synthesis it cancelled itself (the recruiter interrupted, or playout
 * stalled) as an unrecoverable tts_error carrying the SDK's abort: not a provider failure.
 */
function isAbort(error: unknown): boolean {
  return error instanceof Error && (/abort/i.test(error.name) || /\baborted\b/i.test(error.message));
}

/** LiveKit's transcription topic and attributes, as agents-js publishes the agent's own lines. */
const TRANSCRIPTION_TOPIC = "lk.transcription";

export interface TranscriptSender {
  sendText(
    text: string,
    options: { topic: string; attributes: Record<string, string>; destinationIdentities?: string[] },
  ): Promise<unknown>;
}

/** A finished line of the agent's in the room's transcript, sent as text only. */
export function transcriptLine(participant: TranscriptSender, text: string): Promise<unknown> {
  return participant.sendText(text, {
    topic: TRANSCRIPTION_TOPIC,
    attributes: { "lk.segment_id": `notice_${randomUUID()}`, "lk.transcription_final": "true" },
  });
}
