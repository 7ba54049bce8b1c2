import type { AttemptOutcome, ClaimedDelivery, WebhookStore } from "../store/webhook-store.js";
import { signWebhook } from "./signature.js";

export interface RetryPolicy {
  /** Delay after the first failure; doubled after each next one. Default 5 s. */
  baseDelayMs: number;
  /** Cap on one delay. Default 1 h. */
  maxDelayMs: number;
  /** Retries stop this long after the event (or its last replay). Default 26 h: at least a day. */
  windowMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  windowMs: 26 * 60 * 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so receivers that
 * failed together do not get their retries together. `failures` counts this one (1 = first).
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(failures - 1, 30));
  return exponential / 2 + random() * (exponential / 2);
}

export interface WebhookSenderOptions {
  store: WebhookStore;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /**
   * How long a sender holds what it took: a sender that dies mid-send leaves its deliveries to
   * others after this. Must exceed `timeoutMs`. Default `timeoutMs` + 30 s.
   */
  leaseMs?: number;
  /** Idle wait between polls of the outbox. Default 1 s. */
  pollIntervalMs?: number;
  /** Deliveries taken per poll and sent in parallel. Default 20. */
  batchSize?: number;
  /** An update waits this long after the first change it carries, gathering later ones. Default 5 s. */
  debounceMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  logger?: Pick<Console, "warn">;
}

/**
 * Posts the outbox's due deliveries, signed (Standard Webhooks), and records every attempt.
 * Several senders (processes) may run: each leases what it takes, and a sender that dies
 * mid-send leaves its lease to expire, after which another sends the same message id again.
 * Delivery is therefore at least once; receivers deduplicate on `webhook-id`.
 */
export class WebhookSender {
  readonly #options: Required<Omit<WebhookSenderOptions, "retry" | "logger" | "leaseMs">> & {
    retry: RetryPolicy;
    logger: Pick<Console, "warn"> | undefined;
  };
  readonly leaseMs: number;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(options: WebhookSenderOptions) {
    this.#options = {
      store: options.store,
      timeoutMs: options.timeoutMs ?? 10_000,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      batchSize: options.batchSize ?? 20,
      debounceMs: options.debounceMs ?? 5_000,
      random: options.random ?? Math.random,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      logger: options.logger,
    };
    this.leaseMs = options.leaseMs ?? this.#options.timeoutMs + 30_000;
    if (this.leaseMs <= this.#options.timeoutMs) {
      throw new Error(`leaseMs (${this.leaseMs}) must exceed timeoutMs (${this.#options.timeoutMs})`);
    }
  }

  /** Polls until `stop()`. A failing store is logged and retried at the next poll. */
  start(): void {
    if (this.#running) return;
    this.#stopping = false;
    this.#running = (async () => {
      while (!this.#stopping) {
        let sent = 0;
        try {
          sent = await this.runOnce();
        } catch (error) {
          this.#options.logger?.warn(`webhook sender: could not read the outbox: ${String(error)}`);
        }
        if (sent === 0 && !this.#stopping) await this.#idle();
      }
    })();
  }

  /** Finishes the deliveries in flight, then stops polling. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#running = undefined;
  }

  /** One poll: sends what is due now. Resolves with how many deliveries it attempted. */
  async runOnce(): Promise<number> {
    const { store, batchSize, debounceMs } = this.#options;
    const due = await store.claim(batchSize, this.leaseMs, debounceMs);
    await Promise.all(due.map((delivery) => this.#deliver(delivery)));
    return due.length;
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.#options.pollIntervalMs);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #deliver(delivery: ClaimedDelivery): Promise<void> {
    const started = performance.now();
    const result = await this.#post(delivery);
    const durationMs = performance.now() - started;
    const outcome: AttemptOutcome = {
      ...result,
      durationMs,
      retryInMs: result.ok ? null : this.#retryIn(delivery),
    };
    if (!result.ok) {
      const next = outcome.retryInMs === null ? "giving up" : `retry in ${Math.round(outcome.retryInMs)} ms`;
      this.#options.logger?.warn(
        `webhook ${delivery.id} to ${delivery.url} failed (${result.error}); ${next}`,
      );
    }
    try {
      await this.#options.store.record(delivery.id, outcome);
    } catch (error) {
      // The lease runs out and the delivery is sent again: at least once, never lost.
      this.#options.logger?.warn(`webhook ${delivery.id}: could not record the attempt: ${String(error)}`);
    }
  }

  #retryIn(delivery: ClaimedDelivery): number | null {
    const { retry, random } = this.#options;
    if (Date.now() - Date.parse(delivery.retryFrom) >= retry.windowMs) return null;
    return retryDelayMs(delivery.attempts + 1, retry, random);
  }

  async #post(delivery: ClaimedDelivery): Promise<Pick<AttemptOutcome, "ok" | "statusCode" | "error">> {
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          ...signWebhook(delivery.secret, delivery.id, body),
          "content-type": "application/json",
          "user-agent": "voice-onboarding-webhooks/1",
        },
        body,
        // A redirect is not followed: the subscribed URL is the only one we post to.
        redirect: "manual",
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, statusCode: null, error: describeFailure(error, this.#options.timeoutMs) };
    }
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `${cause.code}: ${cause.message ?? ""}`.trim();
  return error instanceof Error ? error.message : String(error);
}
