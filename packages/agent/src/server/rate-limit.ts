import { RateLimiter as TokenBuckets } from "../limits/rate-limiter.js";
import { HttpError } from "./http-io.js";

export interface RateLimit {
  /** Requests allowed per minute, refilled continuously; also the burst. */
  perMinute: number;
}

/**
 * The agent's token buckets (limits/rate-limiter.ts) per key (here: per tenant and action), in this
 * process's memory: with several service processes each enforces its own share. Refusals are 429
 * with Retry-After in seconds.
 */
export class RateLimiter {
  readonly #buckets: TokenBuckets;

  constructor(
    private readonly limit: RateLimit,
    private readonly what: string,
    now: () => number = Date.now,
  ) {
    this.#buckets = new TokenBuckets({ burst: limit.perMinute, perMinute: limit.perMinute }, now);
  }

  take(key: string): void {
    const decision = this.#buckets.take(key);
    if (decision.ok) return;
    const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new HttpError(
      429,
      "rate_limited",
      `too many ${this.what}: at most ${this.limit.perMinute} a minute per tenant; retry in ${retryAfter} s`,
      { "retry-after": String(retryAfter) },
    );
  }
}
