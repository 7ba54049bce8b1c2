import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { type CommitResult, type ProfileStore, StoreUnavailableError } from "../../store/profile-store.js";

interface Row {
  profile: JobProfile;
  log: ProtocolMessage[];
}

/**
 * In-memory `ProfileStore` for tests only, with the real adapters' conflict semantics:
 * `commit` succeeds only at the expected version. Set `unavailable` to simulate an outage.
 */
export class MemoryProfileStore implements ProfileStore {
  readonly #rows = new Map<string, Row>();
  unavailable = false;

  async create(profile: JobProfile, snapshot: ProtocolMessage): Promise<void> {
    await this.#reach();
    if (this.#rows.has(profile.sessionId)) throw new Error(`session ${profile.sessionId} already exists`);
    this.#rows.set(profile.sessionId, {
      profile: structuredClone(profile),
      log: [structuredClone(snapshot)],
    });
  }

  async load(sessionId: string): Promise<JobProfile | null> {
    await this.#reach();
    const row = this.#rows.get(sessionId);
    return row ? structuredClone(row.profile) : null;
  }

  async commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
  ): Promise<CommitResult> {
    await this.#reach();
    const row = this.#rows.get(sessionId);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.profile.version !== expectedVersion) {
      return { ok: false, reason: "conflict", currentVersion: row.profile.version };
    }
    row.profile = structuredClone(next);
    row.log.push(structuredClone(message));
    return { ok: true };
  }

  async messages(sessionId: string, afterSeq = -1): Promise<ProtocolMessage[]> {
    await this.#reach();
    const row = this.#rows.get(sessionId);
    return row ? row.log.filter((message) => message.seq > afterSeq).map((m) => structuredClone(m)) : [];
  }

  async close(): Promise<void> {}

  // A macrotask hop, like a real database round trip, so concurrent callers really interleave.
  async #reach(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.unavailable) throw new StoreUnavailableError("connection refused (simulated)");
  }
}
