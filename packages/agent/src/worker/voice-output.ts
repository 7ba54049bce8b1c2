import { TrackSource } from "@livekit/rtc-node";
import type { AgentAudioTrack } from "./agent-audio-track.js";

/** A participant as far as its published tracks go (rtc-node's RemoteParticipant has this shape). */
export interface PublishingParticipant {
  trackPublications: ReadonlyMap<string, { source?: TrackSource }>;
}

export interface VoiceOutputOptions {
  session: { output: { setAudioEnabled(enabled: boolean): void } };
  participants: ReadonlyMap<string, PublishingParticipant>;
  /** The recruiter the session listens to at start, if any. */
  listener: string | undefined;
  /** When each recruiter joined, as this job saw it (ms); one absent counts from this call. */
  joinedAt?: ReadonlyMap<string, number>;
  /** Recruiters who said they type (`choseText`), kept by the caller from before this output existed. */
  typing?: Set<string>;
  /** The agent's audio track: taken off the air once it is decided that nobody hears it. */
  track?: Pick<AgentAudioTrack, "onAir">;
}

/**
 * How long after a recruiter joins the agent waits for their microphone before deciding the
 * greeting is text only: the widget publishes it right after connecting, and under load that
 * can take a second or two (a greeting decided earlier would be silent for a voice recruiter).
 */
export const MICROPHONE_GRACE_MS = 3_000;

export interface VoiceOutput {
  /** The session now listens to this recruiter (a reload, another tab), or to nobody. */
  listenTo(identity: string | null): void;
  /** Any recruiter's tracks changed (published or unpublished): look again. */
  tracksChanged(): void;
  /** Text-to-speech failed for good: no more audio, whoever listens. */
  voiceFailed(): void;
  /** This recruiter's widget said they chose text: no microphone is coming, decide now. */
  choseText(identity: string): void;
  /**
   * Resolves once the listened-to recruiter publishes a microphone, or `graceMs` after they joined
   * without one (text only), or at once when nobody is listened to or the voice failed.
   */
  decided(graceMs?: number): Promise<void>;
}

/**
 * The agent speaks aloud only to a recruiter who talks: while the recruiter it listens to
 * publishes no microphone (text only: they declined it or the host chose text), audio output is
 * off, so no speech is synthesised and nobody in an open-plan office hears the agent; the replies
 * still arrive as text. A muted microphone is still published: the agent keeps speaking. Before
 * anyone is known the voice stays on (the microphone is published right after connecting); the
 * greeting waits for `decided()` so a microphone still being published is not taken for text,
 * unless the recruiter's widget said they chose text (`choseText`, the input RPC).
 */
export function createVoiceOutput({
  session,
  participants,
  listener,
  joinedAt = new Map(),
  typing = new Set(),
  track,
}: VoiceOutputOptions): VoiceOutput {
  let listening = listener ?? null;
  let failed = false;
  let enabled: boolean | undefined;
  const createdAt = Date.now();
  const waiting = new Set<() => void>();
  const talks = (identity: string | null) => {
    const participant = identity === null ? undefined : participants.get(identity);
    if (!participant) return true;
    return [...participant.trackPublications.values()].some(
      (publication) => publication.source === TrackSource.SOURCE_MICROPHONE,
    );
  };
  let airTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Off the air only once text is decided (the recruiter said so, or the grace passed without a
   * microphone) or the voice failed, so a voice start never waits for the track to come back; on
   * the air again as soon as the listened-to recruiter publishes a microphone.
   */
  const air = () => {
    clearTimeout(airTimer);
    if (!track) return;
    if (failed) return track.onAir(false);
    if (listening === null || !participants.has(listening)) return;
    if (talks(listening)) return track.onAir(true);
    const left = typing.has(listening)
      ? 0
      : (joinedAt.get(listening) ?? createdAt) + MICROPHONE_GRACE_MS - Date.now();
    if (left <= 0) return track.onAir(false);
    airTimer = setTimeout(air, left);
    airTimer.unref?.();
  };
  const apply = () => {
    air();
    const next = !failed && talks(listening);
    if (next === enabled) return;
    enabled = next;
    session.output.setAudioEnabled(next);
  };
  const undecided = () =>
    !failed &&
    listening !== null &&
    participants.has(listening) &&
    !talks(listening) &&
    !typing.has(listening);
  const look = () => {
    apply();
    if (undecided()) return;
    for (const resolve of waiting) resolve();
  };
  apply();
  return {
    listenTo(identity) {
      listening = identity;
      look();
    },
    tracksChanged: look,
    voiceFailed() {
      failed = true;
      look();
    },
    choseText(identity) {
      typing.add(identity);
      look();
    },
    decided(graceMs = MICROPHONE_GRACE_MS) {
      if (!undecided() || listening === null) return Promise.resolve();
      const left = (joinedAt.get(listening) ?? createdAt) + graceMs - Date.now();
      if (left <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        waiting.add(done);
      });
    },
  };
}
