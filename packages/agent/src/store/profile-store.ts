import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";

export type CommitResult =
  | { ok: true }
  /** The stored version is not `expectedVersion`: reload and re-apply. */
  | { ok: false; reason: "conflict"; currentVersion: number }
  | { ok: false; reason: "not_found" };

/**
 * Durable home of job profiles and their append-only message log.
 * Invariant: the stored profile equals the fold of its logged messages.
 */
export interface ProfileStore {
  /**
   * Stores a new profile at version 0 with its `profile.snapshot` (seq 0) as the log's first entry,
   * owned by `tenantId` (default: the tenant "default"). Throws if the session exists.
   */
  create(profile: JobProfile, snapshot: ProtocolMessage, tenantId?: string): Promise<void>;
  load(sessionId: string): Promise<JobProfile | null>;
  /** Atomically writes `next` and logs `message` only if the stored version is `expectedVersion`. */
  commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
  ): Promise<CommitResult>;
  /** Logged messages with `seq > afterSeq`, in order. */
  messages(sessionId: string, afterSeq?: number): Promise<ProtocolMessage[]>;
  close(): Promise<void>;
}

/** The database could not be reached or failed; nothing was written. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

/** `create` was called for a session the store already holds; nothing was written. */
export class SessionExistsError extends Error {
  override readonly name = "SessionExistsError";
  constructor(readonly sessionId: string) {
    super(`session "${sessionId}" already exists in the profile store`);
  }
}
