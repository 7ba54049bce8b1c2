import { type LocalTrack, TrackKind, TrackPublishOptions, TrackSource } from "@livekit/rtc-node";

/** The agent's side of the room as far as its own tracks go (rtc-node's LocalParticipant has this shape). */
export interface TrackPublisher {
  trackPublications: ReadonlyMap<string, AudioPublication>;
  publishTrack(track: LocalTrack, options: TrackPublishOptions): Promise<unknown>;
  unpublishTrack(trackSid: string, stopOnUnpublish?: boolean): Promise<void>;
}

interface AudioPublication {
  sid?: string;
  kind?: TrackKind;
  track?: LocalTrack;
  /** rtc-node (@internal): resolves what `waitForSubscription()` waits on. */
  resolveFirstSubscription?(): void;
}

export interface AgentAudioTrack {
  /** On the air (published) or off it; the last call wins, applied in order. */
  onAir(on: boolean): void;
  /** The agent published a track (agents-js publishes its audio as the session starts): look again. */
  published(): void;
  /** Resolves once every change asked for so far has been applied (or has failed and been logged). */
  settled(): Promise<void>;
  /**
   * The room is gone: nothing will subscribe to the agent's track any more. Releases agents-js's
   * wait for its first subscription, which would hold the session's close for 60 s.
   */
  released(): void;
}

/**
 * Takes the agent's audio track off the air while it speaks to nobody, and puts the same track
 * back when it does again. A published rtc-node audio track is fed 10 ms of silence a hundred
 * times a second and encoded whether or not anything is said: on the live bench that was ~60 %
 * of an idle text session's CPU in its job process (~38 ms a second), and every recruiter's
 * browser decoded the silence. agents-js publishes the track as the session starts and keeps
 * feeding the same audio source, so only the publication changes here.
 */
export function createAgentAudioTrack(
  participant: TrackPublisher,
  warn: (detail: Record<string, unknown>, message: string) => void,
): AgentAudioTrack {
  let wanted = true;
  let parked: LocalTrack | undefined;
  let queue = Promise.resolve();
  // The last one published: rtc-node may forget its publications once the room is gone.
  let lastPublication: AudioPublication | undefined;
  const audioPublication = () =>
    [...participant.trackPublications.values()].find(
      (publication) => publication.kind === TrackKind.KIND_AUDIO && publication.track && publication.sid,
    );
  const apply = async () => {
    if (!wanted && !parked) {
      // Not published yet: `published()` looks again once agents-js has published it.
      const publication = audioPublication();
      const track = publication?.track;
      if (!track || !publication?.sid) return;
      // Read before: rtc-node clears the publication's track once unpublished.
      await participant.unpublishTrack(publication.sid, false);
      parked = track;
      // agents-js plays nothing, and cannot close its room output (the job lingered 60 s, then
      // "AgentSession.close() timed out"), until this publication has been subscribed once. Off
      // the air before anyone subscribed (a typist's page may never), nothing ever will.
      publication.resolveFirstSubscription?.();
    } else if (wanted && parked) {
      // Published as agents-js publishes it (the session's default publish options).
      await participant.publishTrack(
        parked,
        new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
      );
      parked = undefined;
    }
  };
  const settle = () => {
    queue = queue
      .then(apply)
      .catch((error: unknown) => warn({ error: String(error) }, "could not change the agent's audio track"));
  };
  return {
    onAir(on) {
      if (on === wanted) return;
      wanted = on;
      settle();
    },
    published() {
      lastPublication = audioPublication() ?? lastPublication;
      settle();
    },
    settled: () => queue,
    released() {
      (audioPublication() ?? lastPublication)?.resolveFirstSubscription?.();
    },
  };
}
