import { decodeMessage, type ProtocolMessage } from "@voice-onboarding/protocol";
import { interleaveTranscript, type ReplayLine, type TimedEvent } from "./replay-timeline.js";

export interface RecordedMessage {
  /** Wait before this message, counted from the previous entry. */
  delayMs: number;
  message: ProtocolMessage;
}

/** A line of the conversation, delivered to the Conversation panel like a live transcription. */
export interface RecordedLine {
  /** Wait before this line, counted from the previous entry. */
  delayMs: number;
  line: ReplayLine;
}

export type RecordedEntry = RecordedMessage | RecordedLine;

/** The agent's replay output; older recordings carry the messages only. */
export interface ReplayOutput {
  messages: readonly unknown[];
  /** What the agent said before the recruiter's first turn. */
  opening?: string;
  /** `role` is "user" or "assistant"; typed loosely because JSON imports widen it to string. */
  transcript?: readonly { turn: number; role: string; text: string }[];
}

export interface RecordingOptions {
  /** Long pauses in the original session are shortened to this. */
  maxDelayMs?: number;
}

function decodeAll(messages: readonly unknown[]): ProtocolMessage[] {
  return messages.map((item, index) => {
    const decoded = decodeMessage(JSON.stringify(item));
    if (!decoded.ok) throw new TypeError(`replay message ${index} is invalid: ${decoded.error.message}`);
    return decoded.message;
  });
}

/**
 * Turns the agent's replay output into a recording, keeping the original pacing from each
 * message's `at`. With a transcript, its lines are played too: each turn's recruiter line before
 * the messages of that turn, the agent's answer after them. Throws on an invalid message or an
 * unknown role: a recording is checked when a demo is built, not while it plays.
 */
export function recordingFromReplay(
  replay: { messages: readonly unknown[]; transcript?: undefined },
  options?: RecordingOptions,
): RecordedMessage[];
export function recordingFromReplay(replay: ReplayOutput, options?: RecordingOptions): RecordedEntry[];
export function recordingFromReplay(
  replay: ReplayOutput,
  { maxDelayMs = 2500 }: RecordingOptions = {},
): RecordedEntry[] {
  const messages = decodeAll(replay.messages);
  const timeline: TimedEvent[] = replay.transcript
    ? interleaveTranscript(messages, replay.transcript, replay.opening)
    : messages.map((message) => ({ atMs: Date.parse(message.at), message }));
  let previousAt: number | null = null;
  return timeline.map((event) => {
    const delayMs = previousAt === null ? 0 : Math.min(Math.max(event.atMs - previousAt, 0), maxDelayMs);
    previousAt = event.atMs;
    return "message" in event ? { delayMs, message: event.message } : { delayMs, line: event.line };
  });
}
