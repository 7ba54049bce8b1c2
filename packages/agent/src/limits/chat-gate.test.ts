import { MAX_CHAT_CHARS } from "@voice-onboarding/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChunkedText, createChatGate, readChatLine } from "./chat-gate.js";
import { DEFAULT_INTAKE_LIMITS } from "./intake-limits.js";
import { RateLimiter } from "./rate-limiter.js";

/** A text stream delivered in the given chunks, remembering whether the reader stopped early. */
function streamOf(chunks: string[]) {
  const stream = {
    delivered: 0,
    closed: false,
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) {
        if (stream.closed) return;
        stream.delivered += 1;
        yield chunk;
      }
    },
    async close() {
      stream.closed = true;
    },
  };
  return stream satisfies ChunkedText;
}

describe("RateLimiter", () => {
  it("allows a burst, then the steady rate, per key", () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perMinute: 6 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a").ok)).toEqual([true, true, true, false]);
    // Another sender has its own allowance.
    expect(limiter.take("b").ok).toBe(true);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterMs: 10_000 });
    now = 10_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });
});

describe("readChatLine", () => {
  it("reads a line whole, and stops reading one character past the limit", async () => {
    expect(await readChatLine(streamOf(["Senior ", "backend ", "engineer"]))).toBe("Senior backend engineer");
    const flood = streamOf(Array.from({ length: 10_000 }, () => "x".repeat(1000)));
    const read = await readChatLine(flood);
    expect(read).toHaveLength(MAX_CHAT_CHARS + 1);
    expect(flood.closed).toBe(true);
    expect(flood.delivered).toBe(3);
  });
});

describe("chat gate", () => {
  it("passes a line within the limits unchanged and refuses blank, long and fast ones with a notice", () => {
    let now = 0;
    const admit = createChatGate(DEFAULT_INTAKE_LIMITS, () => now);
    expect(admit("We need 5+ years of Go", "r1")).toEqual({ ok: true, text: "We need 5+ years of Go" });
    expect(admit(" \n\t", "r1")).toEqual({ ok: false, reason: "blank" });
    expect(admit("x".repeat(MAX_CHAT_CHARS + 1), "r1")).toMatchObject({
      ok: false,
      reason: "too_long",
      notice: expect.stringContaining(`at most ${MAX_CHAT_CHARS} characters`),
    });
    for (let line = 1; line < DEFAULT_INTAKE_LIMITS.chat.burst; line++)
      expect(admit("more", "r1").ok).toBe(true);
    now = 20_000; // the notice interval has passed; the allowance refilled by 5 lines
    for (let line = 0; line < 5; line++) expect(admit("more", "r1").ok).toBe(true);
    expect(admit("more", "r1")).toMatchObject({
      ok: false,
      reason: "too_fast",
      notice: expect.stringMatching(/faster than I can answer.*Wait 2 s/),
    });
    // Said once, not once per refused line.
    expect(admit("more", "r1")).toEqual({ ok: false, reason: "too_fast", notice: undefined });
    expect(admit("another tab", "r2").ok).toBe(true);
  });

  it("never throws on generated lines from a flooding sender, and never lets more through than the limit", () => {
    const { burst, perMinute } = DEFAULT_INTAKE_LIMITS.chat;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.oneof(
              fc.string({ unit: "grapheme", maxLength: 80 }),
              fc.string({ unit: "binary", maxLength: 300 }),
              fc.nat(MAX_CHAT_CHARS * 2).map((length) => "a".repeat(length)),
            ),
            sender: fc.constantFrom("r1", "r2"),
            gapMs: fc.nat(5_000),
          }),
          { maxLength: 60 },
        ),
        (lines) => {
          let now = 0;
          const admit = createChatGate(DEFAULT_INTAKE_LIMITS, () => now);
          const passed = { r1: 0, r2: 0 };
          for (const { text, sender, gapMs } of lines) {
            now += gapMs;
            const verdict = admit(text, sender);
            if (verdict.ok) {
              expect(verdict.text).toBe(text);
              expect(text.trim()).not.toBe("");
              expect(text.length).toBeLessThanOrEqual(MAX_CHAT_CHARS);
              passed[sender] += 1;
            } else if (text.length > MAX_CHAT_CHARS) expect(verdict.reason).toBe("too_long");
          }
          for (const count of Object.values(passed))
            expect(count).toBeLessThanOrEqual(burst + Math.floor((now / 60_000) * perMinute));
        },
      ),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
