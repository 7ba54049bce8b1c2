import type { Room, TextStreamHandler } from "livekit-client";
import type { TranscriptEntry } from "../store/types.js";

/** LiveKit's topic for transcriptions (the agent's speech and the recruiter's, as the agent heard it). */
export const TRANSCRIPTION_TOPIC = "lk.transcription";
const SEGMENT_ID = "lk.segment_id";
const FINAL = "lk.transcription_final";

/**
 * Reads transcription streams into transcript entries, one per segment, growing as text arrives.
 * A stream cut off by a disconnect (leaving, unmounting) keeps what arrived and reports nothing:
 * reading it ourselves is what keeps that from surfacing as an uncaught error in the host page.
 */
export function createTranscriptionHandler(
  room: Room,
  /** Whether lines from this sender belong in the transcript (our agent, or ourselves). */
  accepts: (identity: string) => boolean,
  deliver: (entry: TranscriptEntry) => void,
): TextStreamHandler {
  return async (reader, { identity }) => {
    if (!accepts(identity)) return;
    const { attributes = {}, id: streamId, timestamp } = reader.info;
    const speaker = identity === room.localParticipant.identity ? "recruiter" : "agent";
    const entry = (text: string, final: boolean): TranscriptEntry => ({
      id: attributes[SEGMENT_ID] ?? streamId,
      speaker,
      text,
      final,
      at: timestamp,
    });
    let text = "";
    try {
      for await (const chunk of reader) {
        text += chunk;
        deliver(entry(text, false));
      }
      // agents-js streams a segment's deltas in one stream: its end is the segment's end.
      deliver(entry(text, true));
    } catch {
      if (text) deliver(entry(text, attributes[FINAL] === "true"));
    }
  };
}
