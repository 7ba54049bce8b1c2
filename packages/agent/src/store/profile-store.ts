import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";

export type CommitResult =
  | { ok: true }
  /** The change id had landed before: nothing was written; `replayed` is the message it logged then. */
  | { ok: true; replayed: ProtocolMessage }
  /** The change id was given up by `settleChange`: it will never land. */
  | { ok: false; reason: "abandoned" }
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
  /**
   * Atomically writes `next` and logs `message` only if the stored version is `expectedVersion`.
   * With a `changeId` the commit is idempotent: an id that landed before answers with its
   * first outcome (`replayed`) and writes nothing, however the versions moved since.
   */
  commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
    changeId?: string,
  ): Promise<CommitResult>;
  /**
   * After an unknown outcome: the message the change id logged if it landed, else `null`, and
   * then it never will (the id is abandoned, so an attempt still in flight cannot land later).
   */
  settleChange(sessionId: string, changeId: string): Promise<ProtocolMessage | null>;
  /** Appends one conversation turn; a session the store does not hold is ignored. */
  appendTranscript(sessionId: string, turn: TranscriptTurn): Promise<void>;
  /** The last `limit` turns, oldest first. */
  transcriptTail(sessionId: string, limit: number): Promise<TranscriptTurn[]>;
  /** Logged messages with `seq > afterSeq`, in order. */
  messages(sessionId: string, afterSeq?: number): Promise<ProtocolMessage[]>;
  close(): Promise<void>;
}

/** One line of the conversation, as stored for a resumed job. */
export interface TranscriptTurn {
  role: "recruiter" | "agent";
  text: string;
}

/**
 * The database could not be reached or failed. `written` says whether a write may have landed:
 * "no" when the request never reached the database (refused connection, closed store), else
 * "unknown" (a timed-out write may still land): settle it by change id before saying "not saved".
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  readonly written: "no" | "unknown";
  constructor(message: string, options?: ErrorOptions & { written?: "no" | "unknown" }) {
    super(message, options);
    this.written = options?.written ?? "unknown";
  }
}

/** `create` was called for a session the store already holds; nothing was written. */
export class SessionExistsError extends Error {
  override readonly name = "SessionExistsError";
  constructor(readonly sessionId: string) {
    super(`session "${sessionId}" already exists in the profile store`);
  }
}
