/** A burst allowance refilled at a steady rate (a token bucket). */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * One bucket per key (a participant identity), so one sender cannot use up another's allowance.
 * A bucket that has refilled completely is forgotten: memory follows the senders who are active.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    const tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.forgetFull(now, perMs);
    return { ok: true };
  }

  private forgetFull(now: number, perMs: number): void {
    if (this.buckets.size < 64) return;
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.at) * perMs >= this.limit.burst) this.buckets.delete(key);
  }
}

/** "5 s" for a wait, rounded up, never "0 s". */
export const seconds = (ms: number) => `${Math.max(1, Math.ceil(ms / 1000))} s`;
