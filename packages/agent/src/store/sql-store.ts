import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { type FunctionCaller, namedCall } from "./function-caller.js";
import {
  type CommitResult,
  type ProfileStore,
  SessionExistsError,
  type TranscriptTurn,
} from "./profile-store.js";
import type { StoredTurnLatency, TurnLatencyStore } from "./turn-latency-store.js";

/** The SQL functions of supabase/migrations that make up the store. */
export type ProfileFunction =
  | "create_job_profile"
  | "get_job_profile"
  | "commit_job_profile_change"
  | "job_profile_messages"
  | "settle_job_profile_change"
  | "append_job_profile_transcript"
  | "job_profile_transcript_tail"
  | "record_turn_latency"
  | "turn_latency";

/** One call of a profile function: a statement whose single row has the function's jsonb in `result`. */
export interface FunctionCall {
  /** For messages: "load", "commit to", ... (followed by `session "<id>"`). */
  action: string;
  sessionId: string;
  /** Overrides `<action> session "<id>"` in messages, for calls about something else (a tenant). */
  what?: string;
  fn: ProfileFunction | (string & {});
  sql: string;
  params: unknown[];
}

/**
 * The adapters that speak SQL to the profile functions (PGlite, node-postgres): the statements
 * and the mapping of their results live here once; a subclass only runs a call and classifies
 * its failures.
 */
export abstract class SqlProfileStore implements ProfileStore, FunctionCaller, TurnLatencyStore {
  /** Runs `call.sql` and returns `rows[0].result` (jsonb, already parsed). */
  protected abstract call<T>(call: FunctionCall): Promise<T>;

  abstract close(): Promise<void>;

  callFunction<T>(fn: string, args: Readonly<Record<string, unknown>>, what: string): Promise<T> {
    const [sql, params] = namedCall(fn, args);
    return this.call<T>({ action: what, sessionId: "", what, fn, sql, params });
  }

  async create(profile: JobProfile, snapshot: ProtocolMessage, tenantId?: string): Promise<void> {
    const result = await this.call<{ ok: boolean }>(
      tenantId === undefined
        ? {
            action: "create",
            sessionId: profile.sessionId,
            fn: "create_job_profile",
            sql: "select public.create_job_profile($1, $2::jsonb, $3::jsonb) as result",
            params: [profile.sessionId, JSON.stringify(profile), JSON.stringify(snapshot)],
          }
        : {
            action: `create for tenant "${tenantId}"`,
            sessionId: profile.sessionId,
            fn: "create_tenant_job_profile",
            sql: "select public.create_tenant_job_profile($1, $2, $3::jsonb, $4::jsonb) as result",
            params: [tenantId, profile.sessionId, JSON.stringify(profile), JSON.stringify(snapshot)],
          },
    );
    if (!result.ok) throw new SessionExistsError(profile.sessionId);
  }

  load(sessionId: string): Promise<JobProfile | null> {
    return this.call<JobProfile | null>({
      action: "load",
      sessionId,
      fn: "get_job_profile",
      sql: "select public.get_job_profile($1) as result",
      params: [sessionId],
    });
  }

  commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
    changeId?: string,
  ): Promise<CommitResult> {
    return this.call<CommitResult>({
      action: "commit to",
      sessionId,
      fn: "commit_job_profile_change",
      sql: "select public.commit_job_profile_change($1, $2, $3::jsonb, $4::jsonb, $5) as result",
      params: [sessionId, expectedVersion, JSON.stringify(next), JSON.stringify(message), changeId ?? null],
    });
  }

  async settleChange(sessionId: string, changeId: string): Promise<ProtocolMessage | null> {
    const result = await this.call<{ landed: boolean; message?: ProtocolMessage }>({
      action: "settle a change of",
      sessionId,
      fn: "settle_job_profile_change",
      sql: "select public.settle_job_profile_change($1, $2) as result",
      params: [sessionId, changeId],
    });
    return result.landed ? (result.message ?? null) : null;
  }

  async appendTranscript(sessionId: string, turn: TranscriptTurn): Promise<void> {
    await this.call({
      action: "append to the transcript of",
      sessionId,
      fn: "append_job_profile_transcript",
      sql: "select public.append_job_profile_transcript($1, $2, $3) as result",
      params: [sessionId, turn.role, turn.text],
    });
  }

  transcriptTail(sessionId: string, limit: number): Promise<TranscriptTurn[]> {
    return this.call<TranscriptTurn[]>({
      action: "read the transcript of",
      sessionId,
      fn: "job_profile_transcript_tail",
      sql: "select public.job_profile_transcript_tail($1, $2) as result",
      params: [sessionId, limit],
    });
  }

  messages(sessionId: string, afterSeq = -1): Promise<ProtocolMessage[]> {
    return this.call<ProtocolMessage[]>({
      action: "read the log of",
      sessionId,
      fn: "job_profile_messages",
      sql: "select public.job_profile_messages($1, $2) as result",
      params: [sessionId, afterSeq],
    });
  }

  async recordTurnLatency(sessionId: string, { speechId, ...latency }: StoredTurnLatency): Promise<void> {
    await this.call({
      action: "record turn latency of",
      sessionId,
      fn: "record_turn_latency",
      sql: "select public.record_turn_latency($1, $2, $3::jsonb) as result",
      params: [sessionId, speechId, JSON.stringify(latency)],
    });
  }

  turnLatency(sessionId: string): Promise<(StoredTurnLatency & { at: string })[]> {
    return this.call({
      action: "read turn latency of",
      sessionId,
      fn: "turn_latency",
      sql: "select public.turn_latency($1) as result",
      params: [sessionId],
    });
  }
}
