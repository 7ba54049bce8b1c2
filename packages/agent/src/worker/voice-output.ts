import { TrackSource } from "@livekit/rtc-node";

/** A participant as far as its published tracks go (rtc-node's RemoteParticipant has this shape). */
export interface PublishingParticipant {
  trackPublications: ReadonlyMap<string, { source?: TrackSource }>;
}

export interface VoiceOutputOptions {
  session: { output: { setAudioEnabled(enabled: boolean): void } };
  participants: ReadonlyMap<string, PublishingParticipant>;
  /** The recruiter the session listens to at start, if any. */
  listener: string | undefined;
}

export interface VoiceOutput {
  /** The session now listens to this recruiter (a reload, another tab), or to nobody. */
  listenTo(identity: string | null): void;
  /** Any recruiter's tracks changed (published or unpublished): look again. */
  tracksChanged(): void;
  /** Text-to-speech failed for good: no more audio, whoever listens. */
  voiceFailed(): void;
}

/**
 * The agent speaks aloud only to a recruiter who talks: while the recruiter it listens to
 * publishes no microphone (text only: they declined it or the host chose text), audio output is
 * off, so no speech is synthesised and nobody in an open-plan office hears the agent; the replies
 * still arrive as text. A muted microphone is still published: the agent keeps speaking. Before
 * anyone is known the voice stays on (the microphone is published right after connecting).
 */
export function createVoiceOutput({ session, participants, listener }: VoiceOutputOptions): VoiceOutput {
  let listening = listener ?? null;
  let failed = false;
  let enabled: boolean | undefined;
  const talks = (identity: string | null) => {
    const participant = identity === null ? undefined : participants.get(identity);
    if (!participant) return true;
    return [...participant.trackPublications.values()].some(
      (publication) => publication.source === TrackSource.SOURCE_MICROPHONE,
    );
  };
  const apply = () => {
    const next = !failed && talks(listening);
    if (next === enabled) return;
    enabled = next;
    session.output.setAudioEnabled(next);
  };
  apply();
  return {
    listenTo(identity) {
      listening = identity;
      apply();
    },
    tracksChanged: apply,
    voiceFailed() {
      failed = true;
      apply();
    },
  };
}
