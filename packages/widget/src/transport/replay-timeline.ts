import type { ProtocolMessage } from "@voice-onboarding/protocol";
import type { TranscriptEntry } from "../store/types.js";

export interface ReplayLine {
  speaker: TranscriptEntry["speaker"];
  text: string;
}

export type TimedEvent = { atMs: number } & ({ message: ProtocolMessage } | { line: ReplayLine });

interface TranscriptTurn {
  turn: number;
  role: string;
  text: string;
}

const ROLES = new Map<string, keyof Segment>([
  ["user", "user"],
  ["assistant", "assistant"],
]);

/** How long a line takes to say, at about 150 words a minute (the pace the agent's replay clock uses). */
function speechMs(text: string | undefined): number {
  return (text ?? "").split(/\s+/).filter(Boolean).length * 400;
}

interface Segment {
  user?: string;
  assistant?: string;
}

/** The opening, then one segment per turn in turn order. */
function segmentsOf(transcript: readonly TranscriptTurn[], opening: string | undefined): Segment[] {
  const byTurn = new Map<number, Segment>();
  for (const [index, entry] of transcript.entries()) {
    const role = ROLES.get(entry.role);
    if (!role) throw new TypeError(`replay transcript entry ${index} has an unknown role: ${entry.role}`);
    const segment = byTurn.get(entry.turn) ?? {};
    segment[role] = entry.text;
    byTurn.set(entry.turn, segment);
  }
  const turns = [...byTurn.entries()].sort(([a], [b]) => a - b).map(([, segment]) => segment);
  return [{ assistant: opening }, ...turns];
}

/**
 * Messages carry a time but no turn, and transcript lines carry a turn but no time. The replay
 * clock moves by each line's speaking time and a short beat per message, so a message belongs to
 * the current turn while it comes before the halfway point of the speech that separates this turn's
 * work from the next. Re-anchoring on every message keeps an estimate that is off by a few beats
 * from piling up over a long call.
 */
export function interleaveTranscript(
  messages: readonly ProtocolMessage[],
  transcript: readonly TranscriptTurn[],
  opening: string | undefined,
): TimedEvent[] {
  const segments = segmentsOf(transcript, opening);
  const events: TimedEvent[] = [];
  const first = messages[0];
  let now = first ? Date.parse(first.at) : 0;
  let next = 0;
  const line = (speaker: ReplayLine["speaker"], text: string | undefined) => {
    if (text) events.push({ atMs: now, line: { speaker, text } });
  };
  segments.forEach((segment, index) => {
    now += speechMs(segment.user);
    line("recruiter", segment.user);
    const following = segments[index + 1];
    const limit = following
      ? now + (speechMs(segment.assistant) + speechMs(following.user)) / 2
      : Number.POSITIVE_INFINITY;
    for (let message = messages[next]; message && Date.parse(message.at) < limit; message = messages[next]) {
      now = Math.max(now, Date.parse(message.at));
      events.push({ atMs: now, message });
      next += 1;
    }
    line("agent", segment.assistant);
    now += speechMs(segment.assistant);
  });
  return events;
}
