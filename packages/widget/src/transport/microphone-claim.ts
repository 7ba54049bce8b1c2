import { type Room, Track } from "livekit-client";

/**
 * Remembers what the microphone was before the widget first enabled it, so unbinding from a
 * host's room turns off only what the widget turned on.
 */
export function createMicrophoneClaim(room: Room) {
  let restore: "unpublish" | "mute" | null = null;
  let claimed = false;
  const publication = () => room.localParticipant.getTrackPublication(Track.Source.Microphone);

  return {
    async setEnabled(enabled: boolean) {
      if (enabled && !claimed) {
        claimed = true;
        const before = publication();
        restore = before === undefined ? "unpublish" : before.isMuted ? "mute" : null;
      }
      await room.localParticipant.setMicrophoneEnabled(enabled);
    },
    /** Kept claimed while a publish is still pending, so a later release still finds the track. */
    async release() {
      if (restore === "mute") {
        restore = null;
        await room.localParticipant.setMicrophoneEnabled(false);
        return;
      }
      const track = restore === "unpublish" ? publication()?.track : undefined;
      if (track === undefined) return;
      restore = null;
      await room.localParticipant.unpublishTrack(track, true);
    },
  };
}
