import { StoreUnavailableError } from "../store/profile-store.js";

export interface StoreBudgetOptions {
  /** How long one change may wait for the store in total, queueing included. Default 4 s. */
  perChangeMs?: number;
  /** How long all the changes of one model turn may wait for the store together. Default 6 s. */
  perTurnMs?: number;
}

const DEFAULTS = { perChangeMs: 4_000, perTurnMs: 6_000 };
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 800;

/**
 * Time budgets for the store, per change and per turn, rather than per request: however many
 * tool calls queue behind a failing database, a turn waits at most `perTurnMs` for it.
 */
export class StoreBudget {
  readonly perChangeMs: number;
  readonly perTurnMs: number;
  readonly #turnEnds = new Map<string, number>();

  constructor(
    options: StoreBudgetOptions = {},
    readonly now: () => number = () => Date.now(),
  ) {
    this.perChangeMs = options.perChangeMs ?? DEFAULTS.perChangeMs;
    this.perTurnMs = options.perTurnMs ?? DEFAULTS.perTurnMs;
  }

  /** A new model turn of this session begins (the recruiter finished speaking or typing). */
  startTurn(sessionId: string): void {
    this.#turnEnds.set(sessionId, this.now() + this.perTurnMs);
  }

  endTurn(sessionId: string): void {
    this.#turnEnds.delete(sessionId);
  }

  /**
   * When a change requested now must be done: its own budget, cut short by its turn's when it is
   * part of the model's turn (a recruiter's edit by hand is not, whenever it comes).
   */
  deadline(sessionId: string, { inModelTurn = true }: { inModelTurn?: boolean } = {}): Deadline {
    const own = this.now() + this.perChangeMs;
    const turn = inModelTurn ? this.#turnEnds.get(sessionId) : undefined;
    return new Deadline(turn === undefined ? own : Math.min(own, turn), this.now);
  }
}

/** One change's time left, and the backoff between its attempts. */
export class Deadline {
  #backoffMs = FIRST_BACKOFF_MS;

  constructor(
    readonly at: number,
    private readonly now: () => number,
  ) {}

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  /** Waits before the next attempt; `false` when no time is left for one. */
  async backoff(): Promise<boolean> {
    const wait = Math.min(this.#backoffMs, this.remainingMs());
    this.#backoffMs = Math.min(this.#backoffMs * 2, MAX_BACKOFF_MS);
    if (wait <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return this.remainingMs() > 0;
  }

  /**
   * The store call, or a StoreUnavailableError when the budget runs out first. The call itself
   * goes on (no store can take back a statement in flight): its outcome is unknown.
   */
  race<T>(operation: () => Promise<T>, what: string): Promise<T> {
    const remaining = this.remainingMs();
    if (remaining <= 0) {
      return Promise.reject(
        new StoreUnavailableError(`no time left in the store budget to ${what}`, { written: "no" }),
      );
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`the store did not ${what} within ${remaining} ms`)),
        remaining,
      );
    });
    const call = operation();
    call.catch(() => {}); // a late failure after the timeout is nobody's to handle
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }
}
