import { decodeMessage, type ProtocolMessage } from "@voice-onboarding/protocol";

export interface RecordedMessage {
  /** Wait before this message, counted from the previous one. */
  delayMs: number;
  message: ProtocolMessage;
}

export interface RecordingOptions {
  /** Long pauses in the original session are shortened to this. */
  maxDelayMs?: number;
}

/**
 * Turns the agent's replay output (`{ messages }`, as the agent published them) into a recording,
 * keeping the original pacing from each message's `at`. Throws on an invalid message: a
 * recording is checked when a demo is built, not while it plays.
 */
export function recordingFromReplay(
  replay: { messages: readonly unknown[] },
  { maxDelayMs = 2500 }: RecordingOptions = {},
): RecordedMessage[] {
  let previousAt: number | null = null;
  return replay.messages.map((item, index) => {
    const decoded = decodeMessage(JSON.stringify(item));
    if (!decoded.ok) throw new TypeError(`replay message ${index} is invalid: ${decoded.error.message}`);
    const at = Date.parse(decoded.message.at);
    const delayMs = previousAt === null ? 0 : Math.min(Math.max(at - previousAt, 0), maxDelayMs);
    previousAt = at;
    return { delayMs, message: decoded.message };
  });
}
