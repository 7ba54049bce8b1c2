import { MAX_CHAT_CHARS } from "@voice-onboarding/protocol";
import type { IntakeLimits } from "./intake-limits.js";
import { RateLimiter, seconds } from "./rate-limiter.js";

export type ChatVerdict =
  | { ok: true; text: string }
  /** `notice`: what the agent says to the sender; absent when it said so moments ago (or for blank lines). */
  | { ok: false; reason: "blank" | "too_long" | "too_fast"; notice?: string };

/** The part of a text stream reader the limit needs (rtc-node's TextStreamReader). */
export interface ChunkedText extends AsyncIterable<string> {
  close(): Promise<void>;
}

/**
 * Reads a chat stream up to one character past `maxChars` and stops there: a text stream has no
 * size limit, so a line is never buffered whole before the limit is checked.
 */
export async function readChatLine(reader: ChunkedText, maxChars = MAX_CHAT_CHARS): Promise<string> {
  let text = "";
  for await (const chunk of reader) {
    text += chunk;
    if (text.length > maxChars) {
      await reader.close();
      return text.slice(0, maxChars + 1);
    }
  }
  return text;
}

/**
 * Decides whether a recruiter's typed line reaches the model: not blank, at most MAX_CHAT_CHARS,
 * within the sender's rate. A refusal carries a sentence for the agent to say (the widget shows
 * it in the transcript), at most once per `chatNoticeIntervalMs` per sender.
 */
export function createChatGate(limits: IntakeLimits, now: () => number = Date.now) {
  const rate = new RateLimiter(limits.chat, now);
  const noticed = new Map<string, number>();
  const notice = (identity: string, sentence: string) => {
    const last = noticed.get(identity);
    if (last !== undefined && now() - last < limits.chatNoticeIntervalMs) return undefined;
    noticed.set(identity, now());
    return sentence;
  };
  return (text: string, identity: string): ChatVerdict => {
    if (text.trim() === "") return { ok: false, reason: "blank" };
    if (text.length > MAX_CHAT_CHARS) {
      const sentence = `That message was too long for me: I read at most ${MAX_CHAT_CHARS} characters at a time. Please send it in shorter parts.`;
      return { ok: false, reason: "too_long", notice: notice(identity, sentence) };
    }
    const decision = rate.take(identity);
    if (!decision.ok) {
      const sentence = `You're sending messages faster than I can answer, so I skipped the last one. Wait ${seconds(decision.retryAfterMs)}, then send it again.`;
      return { ok: false, reason: "too_fast", notice: notice(identity, sentence) };
    }
    return { ok: true, text };
  };
}
