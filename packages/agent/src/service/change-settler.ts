import type { ProtocolMessage } from "@voice-onboarding/protocol";
import type { ProfileStore } from "../store/profile-store.js";
import type { ServiceLogger } from "./profile-service.js";

/** What finally became of a change whose outcome was unknown when its caller had to be answered. */
export interface SettledChange {
  sessionId: string;
  changeId: string;
  /** The change that was attempted (its seq may differ from the landed one). */
  attempted: ProtocolMessage;
  /** The logged message when it landed, `null` when it did not (and now never will). */
  landed: ProtocolMessage | null;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/**
 * Finds out, in the background, whether changes with an unknown outcome landed: asks the store by
 * change id until it answers (which also abandons an id that did not land, so it never will),
 * then hands the outcome on so the change is published and the model hears the truth.
 */
export class ChangeSettler {
  readonly #pending = new Map<string, Promise<void>>();
  #stopped = false;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: ProfileStore,
    private readonly onSettled: (outcome: SettledChange) => Promise<void>,
    private readonly logger: ServiceLogger,
  ) {}

  get pending(): number {
    return this.#pending.size;
  }

  track(sessionId: string, changeId: string, attempted: ProtocolMessage): void {
    if (this.#stopped || this.#pending.has(changeId)) return;
    const run = this.#settle(sessionId, changeId, attempted).finally(() => this.#pending.delete(changeId));
    this.#pending.set(changeId, run);
  }

  /** Waits for the changes being settled, at most `timeoutMs`, then stops retrying. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.#pending.values()), limit]);
    clearTimeout(timer);
    this.#stopped = true;
    for (const pendingTimer of this.#timers) clearTimeout(pendingTimer);
    if (this.#pending.size > 0) {
      this.logger.warn("shutting down with changes whose outcome is still unknown", {
        changeIds: [...this.#pending.keys()],
      });
    }
  }

  async #settle(sessionId: string, changeId: string, attempted: ProtocolMessage): Promise<void> {
    for (let wait = FIRST_RETRY_MS; !this.#stopped; wait = Math.min(wait * 2, MAX_RETRY_MS)) {
      let landed: ProtocolMessage | null;
      try {
        landed = await this.store.settleChange(sessionId, changeId);
      } catch {
        await this.#sleep(wait);
        continue;
      }
      await this.onSettled({ sessionId, changeId, attempted, landed }).catch((error: unknown) =>
        this.logger.warn("handling a settled change failed", { changeId, error: String(error) }),
      );
      return;
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}
