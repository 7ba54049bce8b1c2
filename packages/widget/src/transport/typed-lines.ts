import type { TranscriptEntry } from "../store/types.js";

/** What the recruiter typed, shown in the transcript at once (typed text has no transcription to wait for). */
export function createTypedLines(): (text: string) => TranscriptEntry {
  let count = 0;
  return (text) => ({ id: `typed-${++count}`, speaker: "recruiter", text, final: true, at: Date.now() });
}
