import {
  applyMessage,
  formatIssue,
  JobProfile,
  type MessageSource,
  ProtocolMessage,
} from "@voice-onboarding/protocol";
import type { Publisher } from "../publish/publisher.js";
import { type ProfileStore, StoreUnavailableError } from "../store/profile-store.js";
import { type ChangeDraft, envelop, snapshotMessage } from "./envelope.js";
import {
  ChangeError,
  ConflictRetriesExhaustedError,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "./errors.js";
import { type CreateSessionInput, profileFromInput } from "./session-input.js";
import { SessionQueue } from "./session-queue.js";

export interface PlanContext {
  /** Fresh id for an item the change creates. */
  newId(): string;
}

/** Computes a change from the current profile; `null` means there is nothing to write. */
export type ChangePlan = (profile: JobProfile, context: PlanContext) => ChangeDraft | ChangeError | null;

export interface AppliedChange {
  previous: JobProfile;
  profile: JobProfile;
  /** The committed and published message; `null` when the plan found nothing to change. */
  message: ProtocolMessage | null;
}

export type ChangeListener = (change: AppliedChange & { message: ProtocolMessage }) => void;

export interface ServiceLogger {
  warn(message: string, detail: Record<string, unknown>): void;
}

export interface ProfileServiceOptions {
  store: ProfileStore;
  publisher: Publisher;
  now?: () => Date;
  newId?: () => string;
  /** Commit attempts per change when other writers keep winning (default 8). */
  maxRetries?: number;
  logger?: ServiceLogger;
}

const consoleLogger: ServiceLogger = {
  warn: (message, detail) => console.warn(message, detail),
};

const LAST_COMMITTED_LIMIT = 1_000;

/** The one path by which job profiles change: plan, reduce, validate, commit, publish, notify. */
export class ProfileService {
  readonly #store: ProfileStore;
  readonly #publisher: Publisher;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #maxRetries: number;
  readonly #logger: ServiceLogger;
  readonly #listeners = new Set<ChangeListener>();
  // Changes to one session run one at a time in this process, so parallel tool calls queue
  // instead of burning retries; the store's version check still guards other processes.
  readonly #queue = new SessionQueue();
  /** The last profile this process committed per session: saves a read per change. */
  readonly #lastCommitted = new Map<string, JobProfile>();

  constructor(options: ProfileServiceOptions) {
    this.#store = options.store;
    this.#publisher = options.publisher;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#maxRetries = options.maxRetries ?? 8;
    this.#logger = options.logger ?? consoleLogger;
  }

  /** A new session owned by `tenantId` (default: the store's default tenant). */
  async createSession(input: CreateSessionInput, tenantId?: string): Promise<JobProfile> {
    const profile = profileFromInput(input, this.#newId);
    await guardStore(() => this.#store.create(profile, snapshotMessage(profile, this.#now()), tenantId));
    return profile;
  }

  async load(sessionId: string): Promise<JobProfile> {
    const profile = await guardStore(() => this.#store.load(sessionId));
    if (profile === null) throw new SessionNotFoundError(sessionId);
    return profile;
  }

  /**
   * The profile after every change already requested for this session: a read queues behind
   * the writes before it, so a status check made in the same model turn as a change sees it.
   */
  current(sessionId: string): Promise<JobProfile> {
    return this.#queue.run(sessionId, () => this.load(sessionId));
  }

  async snapshot(sessionId: string): Promise<ProtocolMessage> {
    return snapshotMessage(await this.load(sessionId), this.#now());
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Applies one change. Throws `ChangeError` (refused, nothing written), `SessionNotFoundError`,
   * `ProfileUnavailableError` (store unreachable, nothing written) or `ConflictRetriesExhaustedError`.
   */
  apply(sessionId: string, source: MessageSource, plan: ChangePlan): Promise<AppliedChange> {
    return this.#queue.run(sessionId, () => this.#applyNow(sessionId, source, plan));
  }

  /** Resolves when every change already started has committed or failed (for a clean shutdown). */
  settled(): Promise<void> {
    return this.#queue.settled();
  }

  async #applyNow(sessionId: string, source: MessageSource, plan: ChangePlan): Promise<AppliedChange> {
    for (let attempt = 1; attempt <= this.#maxRetries; attempt++) {
      // Changes to a session run one at a time here, so the profile this process last committed
      // is current unless another process wrote since; the store's version check catches that.
      const cached = attempt === 1 ? this.#lastCommitted.get(sessionId) : undefined;
      const previous = cached ?? (await this.load(sessionId));
      const draft = plan(previous, { newId: this.#newId });
      if (draft instanceof ChangeError) throw draft;
      if (draft === null) return { previous, profile: previous, message: null };
      const seq = previous.version + 1;
      const message = validMessage(envelop(draft, { sessionId, seq, at: this.#now(), source }));
      const profile = nextProfile(previous, message);
      const result = await guardStore(() =>
        this.#store.commit(sessionId, previous.version, profile, message),
      );
      if (result.ok) {
        this.#remember(profile);
        const change = { previous, profile, message };
        await this.#publish(message);
        this.#notify(change);
        return change;
      }
      if (result.reason === "not_found") throw new SessionNotFoundError(sessionId);
    }
    throw new ConflictRetriesExhaustedError(sessionId, this.#maxRetries);
  }

  #remember(profile: JobProfile): void {
    this.#lastCommitted.delete(profile.sessionId);
    this.#lastCommitted.set(profile.sessionId, profile);
    // Bounded: the oldest session (first in insertion order) goes first.
    if (this.#lastCommitted.size > LAST_COMMITTED_LIMIT) {
      const [oldest] = this.#lastCommitted.keys();
      if (oldest !== undefined) this.#lastCommitted.delete(oldest);
    }
  }

  async #publish(message: ProtocolMessage): Promise<void> {
    try {
      await this.#publisher.publish(message);
    } catch (error) {
      // Committed is committed: the widget catches up through its snapshot path.
      this.#logger.warn("publishing a committed profile message failed", {
        sessionId: message.sessionId,
        seq: message.seq,
        type: message.type,
        error: String(error),
      });
    }
  }

  #notify(change: AppliedChange & { message: ProtocolMessage }): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.warn("profile change listener failed", { error: String(error) });
      }
    }
  }
}

function validMessage(candidate: ProtocolMessage): ProtocolMessage {
  const parsed = ProtocolMessage.safeParse(candidate);
  if (!parsed.success) throw new ChangeError(invalidBecause(parsed.error.issues[0]));
  return parsed.data;
}

function nextProfile(previous: JobProfile, message: ProtocolMessage): JobProfile {
  const result = applyMessage(previous, message);
  if (result.status !== "applied") {
    const reason = result.status === "rejected" ? result.reason : `message was ${result.status}`;
    throw new ChangeError(`that change does not apply to the current profile: ${reason}`);
  }
  const parsed = JobProfile.safeParse(result.profile);
  if (!parsed.success) throw new ChangeError(invalidBecause(parsed.error.issues[0]));
  return parsed.data;
}

function invalidBecause(issue: Parameters<typeof formatIssue>[0]): string {
  return `that change would make the profile invalid (${formatIssue(issue).message})`;
}

async function guardStore<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      throw new ProfileUnavailableError(`the profile database is unreachable: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
