import type { JobProfile, MessageSource, ProtocolMessage } from "@voice-onboarding/protocol";
import type { Publisher } from "../publish/publisher.js";
import { type ProfileStore, StoreUnavailableError } from "../store/profile-store.js";
import { guardStore, nextProfile, validMessage } from "./change-checks.js";
import { ChangeSettler, type SettledChange } from "./change-settler.js";
import { type ChangeDraft, envelop, snapshotMessage } from "./envelope.js";
import {
  ChangeError,
  ChangeOutcomeUnknownError,
  ConflictRetriesExhaustedError,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "./errors.js";
import { type CreateSessionInput, profileFromInput } from "./session-input.js";
import { SessionQueue } from "./session-queue.js";
import { type Deadline, StoreBudget } from "./store-budget.js";
import { underTodaysRules } from "./stored-repair.js";

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

/** Hears what became of a change whose caller was told its outcome was unknown. */
export type SettledListener = (outcome: SettledChange) => void;

export interface ApplyOptions {
  /**
   * Identifies the change across attempts (one per tool call, one per edit command): a retry
   * after an unknown outcome can never write twice. Default: a fresh id per `apply`.
   */
  changeId?: string;
}

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
  /** How long changes may wait for the store, per change and per turn. */
  budget?: StoreBudget;
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
  readonly #settledListeners = new Set<SettledListener>();
  readonly #settler: ChangeSettler;
  readonly budget: StoreBudget;

  constructor(options: ProfileServiceOptions) {
    this.#store = options.store;
    this.#publisher = options.publisher;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#maxRetries = options.maxRetries ?? 8;
    this.#logger = options.logger ?? consoleLogger;
    this.budget = options.budget ?? new StoreBudget();
    this.#settler = new ChangeSettler(this.#store, (outcome) => this.#settled(outcome), this.#logger);
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
    return underTodaysRules(profile, { store: this.#store, now: this.#now, logger: this.#logger });
  }

  /**
   * The profile after every change already requested for this session: a read queues behind
   * the writes before it, so a status check made in the same model turn as a change sees it.
   */
  current(sessionId: string): Promise<JobProfile> {
    const deadline = this.budget.deadline(sessionId);
    return this.#queue.run(sessionId, () =>
      guardStore(() => deadline.race(() => this.load(sessionId), `load session "${sessionId}"`)),
    );
  }

  async snapshot(sessionId: string): Promise<ProtocolMessage> {
    return this.snapshotOf(await this.load(sessionId));
  }

  /** The snapshot message of a profile already loaded. */
  snapshotOf(profile: JobProfile): ProtocolMessage {
    return snapshotMessage(profile, this.#now());
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hears the outcome of every change that was answered with `ChangeOutcomeUnknownError`. */
  onSettled(listener: SettledListener): () => void {
    this.#settledListeners.add(listener);
    return () => this.#settledListeners.delete(listener);
  }

  /**
   * Applies one change within the store budget, retrying a failing store with backoff under one
   * change id. Throws `ChangeError` (refused, nothing written), `SessionNotFoundError`,
   * `ProfileUnavailableError` (nothing written), `ChangeOutcomeUnknownError` (being settled in
   * the background) or `ConflictRetriesExhaustedError`.
   */
  apply(
    sessionId: string,
    source: MessageSource,
    plan: ChangePlan,
    { changeId = crypto.randomUUID() }: ApplyOptions = {},
  ): Promise<AppliedChange> {
    // The clock starts now, not when the queue reaches this change: queueing spends the budget.
    const deadline = this.budget.deadline(sessionId, { inModelTurn: source === "agent" });
    return this.#queue.run(sessionId, () => this.#applyNow(sessionId, source, plan, changeId, deadline));
  }

  /** Resolves when every change already started has committed or failed (for a clean shutdown). */
  settled(): Promise<void> {
    return this.#queue.settled();
  }

  /**
   * Shutdown, in order: the changes already requested finish (each within its budget), then the
   * unknown outcomes get up to `settleMs` to be found out and published. The store may close after.
   */
  async drain(settleMs = 3_000): Promise<void> {
    await this.#queue.settled();
    await this.#settler.drain(settleMs);
  }

  async #applyNow(
    sessionId: string,
    source: MessageSource,
    plan: ChangePlan,
    changeId: string,
    deadline: Deadline,
  ): Promise<AppliedChange> {
    const attempt = { sent: null as ProtocolMessage | null };
    let conflicts = 0;
    for (;;) {
      let outcome: AppliedChange | "conflict";
      try {
        outcome = await this.#attempt(sessionId, source, plan, changeId, deadline, attempt);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        this.#lastCommitted.delete(sessionId);
        if (await deadline.backoff()) continue;
        throw this.#gaveUp(sessionId, changeId, attempt.sent, error);
      }
      if (outcome !== "conflict") return outcome;
      this.#lastCommitted.delete(sessionId);
      if (++conflicts >= this.#maxRetries) throw new ConflictRetriesExhaustedError(sessionId, conflicts);
    }
  }

  /** One load-plan-commit round; `attempt.sent` remembers a commit that may have landed unanswered. */
  async #attempt(
    sessionId: string,
    source: MessageSource,
    plan: ChangePlan,
    changeId: string,
    deadline: Deadline,
    attempt: { sent: ProtocolMessage | null },
  ): Promise<AppliedChange | "conflict"> {
    // Changes to a session run one at a time here, so the profile this process last committed
    // is current unless another process wrote since; the store's version check catches that.
    const previous =
      this.#lastCommitted.get(sessionId) ??
      (await deadline.race(() => this.#store.load(sessionId), `load session "${sessionId}"`));
    if (previous === null) throw new SessionNotFoundError(sessionId);
    const draft = plan(previous, { newId: this.#newId });
    if (draft instanceof ChangeError) throw draft;
    if (draft === null) {
      if (attempt.sent === null) return { previous, profile: previous, message: null };
      // Nothing left to change: perhaps because an earlier attempt of this change landed.
      const landed = await deadline.race(
        () => this.#store.settleChange(sessionId, changeId),
        `settle change ${changeId}`,
      );
      return landed ? this.#adoptLanded(previous, landed) : { previous, profile: previous, message: null };
    }
    const message = validMessage(
      envelop(draft, { sessionId, seq: previous.version + 1, at: this.#now(), source }),
    );
    const profile = nextProfile(previous, message);
    const result = await deadline
      .race(
        () => this.#store.commit(sessionId, previous.version, profile, message, changeId),
        `commit to session "${sessionId}"`,
      )
      .catch((error: unknown) => {
        if (error instanceof StoreUnavailableError && error.written === "unknown") attempt.sent = message;
        throw error;
      });
    if (!result.ok) {
      if (result.reason === "not_found") throw new SessionNotFoundError(sessionId);
      if (result.reason === "abandoned") {
        throw new ProfileUnavailableError(`change ${changeId} was given up earlier; nothing was saved`);
      }
      return "conflict";
    }
    if ("replayed" in result) return this.#adoptLanded(previous, result.replayed);
    return this.#committed({ previous, profile, message });
  }

  async #committed(change: AppliedChange & { message: ProtocolMessage }): Promise<AppliedChange> {
    this.#remember(change.profile);
    await this.#publish(change.message);
    this.#notify(change);
    return change;
  }

  /** A change that landed in an attempt whose answer was lost: publish it now, as if just committed. */
  async #adoptLanded(previous: JobProfile, landed: ProtocolMessage): Promise<AppliedChange> {
    const stored = await guardStore(() => this.#store.load(landed.sessionId));
    const profile = stored ?? previous;
    return this.#committed({ previous, profile, message: landed });
  }

  #gaveUp(
    sessionId: string,
    changeId: string,
    sent: ProtocolMessage | null,
    cause: StoreUnavailableError,
  ): Error {
    if (sent === null) {
      return new ProfileUnavailableError(
        `the profile database is unreachable, nothing was saved: ${cause.message}`,
        { cause },
      );
    }
    this.#settler.track(sessionId, changeId, sent);
    return new ChangeOutcomeUnknownError(sessionId, changeId, { cause });
  }

  async #settled(outcome: SettledChange): Promise<void> {
    if (outcome.landed !== null) {
      const profile = await this.#store.load(outcome.sessionId).catch(() => null);
      if (profile !== null) this.#remember(profile);
      await this.#publish(outcome.landed);
      if (profile !== null) this.#notify({ previous: profile, profile, message: outcome.landed });
    }
    for (const listener of this.#settledListeners) {
      try {
        listener(outcome);
      } catch (error) {
        this.#logger.warn("settled-change listener failed", { error: String(error) });
      }
    }
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
