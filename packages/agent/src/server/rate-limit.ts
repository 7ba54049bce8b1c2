import { HttpError } from "./http-io.js";

export interface RateLimit {
  /** Requests allowed per minute, refilled continuously; also the burst. */
  perMinute: number;
}

/**
 * A token bucket per key (here: per tenant and action), in this process's memory: with several
 * service processes each enforces its own share. Refusals are 429 with Retry-After in seconds.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): void {
    const capacity = this.limit.perMinute;
    const perMs = capacity / 60_000;
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new HttpError(
        429,
        "rate_limited",
        `too many ${this.what}: at most ${capacity} a minute per tenant; retry in ${retryAfter} s`,
        { "retry-after": String(retryAfter) },
      );
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#forgetFull(now, capacity, perMs);
  }

  /** Buckets that have refilled carry no state worth keeping. */
  #forgetFull(now: number, capacity: number, perMs: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= capacity) this.#buckets.delete(key);
    }
  }
}
