import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { type ProfileStore, StoreUnavailableError, type TranscriptTurn } from "../../store/profile-store.js";
import { MemoryProfileStore } from "./memory-store.js";

/**
 * A MemoryProfileStore behind a failing network, for tests only: `down` refuses every call
 * before it reaches the data, `hanging` holds calls until it is lifted, and `loseReplies(n)`
 * lets the next n commits land but throws as if their answers were lost.
 */
export class FlakyStore implements ProfileStore {
  readonly inner = new MemoryProfileStore();
  down = false;
  #lostReplies = 0;
  #hang: { promise: Promise<void>; release(): void } | null = null;
  /** Commits that reached the data, including those whose answer was thrown away. */
  commitsLanded = 0;

  loseReplies(count: number): void {
    this.#lostReplies = count;
  }

  set hanging(value: boolean) {
    if (value && !this.#hang) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      this.#hang = { promise, release };
    } else if (!value && this.#hang) {
      this.#hang.release();
      this.#hang = null;
    }
  }

  create(profile: JobProfile, snapshot: ProtocolMessage): Promise<void> {
    return this.#through(() => this.inner.create(profile, snapshot));
  }

  load(sessionId: string): Promise<JobProfile | null> {
    return this.#through(() => this.inner.load(sessionId));
  }

  commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
    changeId?: string,
  ) {
    return this.#through(async () => {
      const result = await this.inner.commit(sessionId, expectedVersion, next, message, changeId);
      if (result.ok && !("replayed" in result)) this.commitsLanded += 1;
      if (this.#lostReplies > 0) {
        this.#lostReplies -= 1;
        throw new StoreUnavailableError("the reply was lost (simulated)", { written: "unknown" });
      }
      return result;
    });
  }

  settleChange(sessionId: string, changeId: string): Promise<ProtocolMessage | null> {
    return this.#through(() => this.inner.settleChange(sessionId, changeId));
  }

  messages(sessionId: string, afterSeq?: number): Promise<ProtocolMessage[]> {
    return this.#through(() => this.inner.messages(sessionId, afterSeq));
  }

  appendTranscript(sessionId: string, turn: TranscriptTurn): Promise<void> {
    return this.#through(() => this.inner.appendTranscript(sessionId, turn));
  }

  transcriptTail(sessionId: string, limit: number): Promise<TranscriptTurn[]> {
    return this.#through(() => this.inner.transcriptTail(sessionId, limit));
  }

  async close(): Promise<void> {}

  async #through<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#hang) await this.#hang.promise;
    if (this.down) throw new StoreUnavailableError("connection refused (simulated)", { written: "no" });
    return operation();
  }
}
