import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import {
  type CommitResult,
  type ProfileStore,
  StoreUnavailableError,
  type TranscriptTurn,
} from "../../store/profile-store.js";

interface Row {
  profile: JobProfile;
  log: ProtocolMessage[];
  /** Change id -> the seq it produced, or null when abandoned (as job_profile_changes). */
  changes: Map<string, number | null>;
  transcript: TranscriptTurn[];
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
      changes: new Map(),
      transcript: [],
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
    changeId?: string,
  ): Promise<CommitResult> {
    await this.#reach();
    const row = this.#rows.get(sessionId);
    if (!row) return { ok: false, reason: "not_found" };
    if (changeId !== undefined && row.changes.has(changeId)) {
      const seq = row.changes.get(changeId);
      const logged = row.log.find((entry) => entry.seq === seq);
      return logged ? { ok: true, replayed: structuredClone(logged) } : { ok: false, reason: "abandoned" };
    }
    if (row.profile.version !== expectedVersion) {
      return { ok: false, reason: "conflict", currentVersion: row.profile.version };
    }
    row.profile = structuredClone(next);
    row.log.push(structuredClone(message));
    if (changeId !== undefined) row.changes.set(changeId, message.seq);
    return { ok: true };
  }

  async settleChange(sessionId: string, changeId: string): Promise<ProtocolMessage | null> {
    await this.#reach();
    const row = this.#rows.get(sessionId);
    if (!row) return null;
    if (!row.changes.has(changeId)) row.changes.set(changeId, null);
    const seq = row.changes.get(changeId);
    return structuredClone(row.log.find((entry) => entry.seq === seq) ?? null);
  }

  async appendTranscript(sessionId: string, turn: TranscriptTurn): Promise<void> {
    await this.#reach();
    this.#rows.get(sessionId)?.transcript.push({ ...turn });
  }

  async transcriptTail(sessionId: string, limit: number): Promise<TranscriptTurn[]> {
    await this.#reach();
    const transcript = this.#rows.get(sessionId)?.transcript ?? [];
    return transcript.slice(Math.max(0, transcript.length - limit)).map((turn) => ({ ...turn }));
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
    if (this.unavailable)
      throw new StoreUnavailableError("connection refused (simulated)", { written: "no" });
  }
}
