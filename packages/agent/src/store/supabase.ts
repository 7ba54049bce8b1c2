import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import WebSocket from "ws";
import { isRejection, rejected, subjectOf, unavailable } from "./errors.js";
import type { FunctionCaller } from "./function-caller.js";
import {
  type CommitResult,
  type ProfileStore,
  SessionExistsError,
  StoreUnavailableError,
  type TranscriptTurn,
} from "./profile-store.js";
import type { StoredTurnLatency, TurnLatencyStore } from "./turn-latency-store.js";

export interface SupabaseStoreOptions {
  /** Project URL, e.g. https://<ref>.supabase.co (SUPABASE_URL). */
  url: string;
  /** Server-side secret: never ship it to a browser (SUPABASE_SERVICE_ROLE_KEY). */
  serviceRoleKey: string;
  /** Per-request limit, so an unreachable project fails instead of hanging. Default 10 s. */
  timeoutMs?: number;
}

/**
 * PostgREST's codes for a request it never ran, so nothing can have been written: no connection to
 * the database (PGRST000), none free in its pool in time (PGRST003), no schema cache (PGRST002).
 * A connection lost mid-call (PGRST001) or a gateway's 502 may come after a commit: unknown.
 */
const NOT_RUN = new Set(["PGRST000", "PGRST002", "PGRST003"]);

interface PostgrestFailure {
  message: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

/** Talks to the SQL functions of supabase/migrations through Supabase's API (PostgREST) with the service-role key. */
export function createSupabaseStore(
  options: SupabaseStoreOptions,
): ProfileStore & FunctionCaller & TurnLatencyStore {
  const client = createClient(options.url, options.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js refuses to start without a transport.
    realtime: { transport: WebSocket as never },
  });
  return new SupabaseProfileStore(client, options.url, options.timeoutMs ?? 10_000);
}

class SupabaseProfileStore implements ProfileStore, FunctionCaller, TurnLatencyStore {
  private closed = false;

  constructor(
    private readonly client: SupabaseClient,
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async create(profile: JobProfile, snapshot: ProtocolMessage, tenantId?: string): Promise<void> {
    const args = { p_session_id: profile.sessionId, p_profile: profile, p_message: snapshot };
    const result = await (tenantId === undefined
      ? this.rpc<{ ok: boolean }>("create", profile.sessionId, "create_job_profile", args)
      : this.rpc<{ ok: boolean }>(
          `create for tenant "${tenantId}"`,
          profile.sessionId,
          "create_tenant_job_profile",
          { p_tenant_id: tenantId, ...args },
        ));
    if (!result.ok) throw new SessionExistsError(profile.sessionId);
  }

  load(sessionId: string): Promise<JobProfile | null> {
    return this.rpc<JobProfile | null>("load", sessionId, "get_job_profile", { p_session_id: sessionId });
  }

  commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
    changeId?: string,
  ): Promise<CommitResult> {
    return this.rpc<CommitResult>("commit to", sessionId, "commit_job_profile_change", {
      p_session_id: sessionId,
      p_expected_version: expectedVersion,
      p_profile: next,
      p_message: message,
      p_change_id: changeId ?? null,
    });
  }

  async settleChange(sessionId: string, changeId: string): Promise<ProtocolMessage | null> {
    const result = await this.rpc<{ landed: boolean; message?: ProtocolMessage }>(
      "settle a change of",
      sessionId,
      "settle_job_profile_change",
      { p_session_id: sessionId, p_change_id: changeId },
    );
    return result.landed ? (result.message ?? null) : null;
  }

  async appendTranscript(sessionId: string, turn: TranscriptTurn): Promise<void> {
    await this.rpc("append to the transcript of", sessionId, "append_job_profile_transcript", {
      p_session_id: sessionId,
      p_role: turn.role,
      p_text: turn.text,
    });
  }

  transcriptTail(sessionId: string, limit: number): Promise<TranscriptTurn[]> {
    return this.rpc<TranscriptTurn[]>("read the transcript of", sessionId, "job_profile_transcript_tail", {
      p_session_id: sessionId,
      p_limit: limit,
    });
  }

  messages(sessionId: string, afterSeq = -1): Promise<ProtocolMessage[]> {
    return this.rpc<ProtocolMessage[]>("read the log of", sessionId, "job_profile_messages", {
      p_session_id: sessionId,
      p_after_seq: afterSeq,
    });
  }

  callFunction<T>(fn: string, args: Readonly<Record<string, unknown>>, what: string): Promise<T> {
    return this.rpc<T>(what, "", fn, args, what);
  }

  async recordTurnLatency(sessionId: string, { speechId, ...latency }: StoredTurnLatency): Promise<void> {
    await this.rpc("record turn latency of", sessionId, "record_turn_latency", {
      p_session_id: sessionId,
      p_speech_id: speechId,
      p_latency: latency,
    });
  }

  turnLatency(sessionId: string): Promise<(StoredTurnLatency & { at: string })[]> {
    return this.rpc("read turn latency of", sessionId, "turn_latency", { p_session_id: sessionId });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.removeAllChannels();
  }

  private async rpc<T>(
    action: string,
    sessionId: string,
    fn: string,
    args: object,
    subject = subjectOf({ action, sessionId }),
  ): Promise<T> {
    const what = `cannot ${subject}`;
    if (this.closed) {
      throw new StoreUnavailableError(`the Supabase profile store is closed: ${what}`, { written: "no" });
    }
    let response: Awaited<ReturnType<typeof this.client.rpc>>;
    try {
      response = await this.client.rpc(fn, args).abortSignal(AbortSignal.timeout(this.timeoutMs));
    } catch (cause) {
      throw unavailable(`Supabase call ${fn} failed: ${what}`, cause);
    }
    const { data, error, status } = response;
    if (!error) return data as T;
    if (status >= 400 && status < 500 && isRejection(error.code)) {
      throw rejected(subject, error, error.message);
    }
    const written = error.code !== undefined && NOT_RUN.has(error.code) ? "no" : "unknown";
    throw unavailable(`${what}: ${this.explain(fn, status, error)}`, error, written);
  }

  private explain(fn: string, status: number, error: PostgrestFailure): string {
    const got = `(HTTP ${status}${error.code ? `, ${error.code}` : ""}: ${error.message})`;
    if (status === 0 && /^(TimeoutError|AbortError)/.test(error.message)) {
      return `Supabase at ${this.url} did not answer within ${this.timeoutMs} ms; a write may or may not have landed, so reload before retrying. Check that the project is up and reachable`;
    }
    if (status === 0) {
      return `Supabase at ${this.url} did not answer ${got}; check SUPABASE_URL and that the project is up and reachable`;
    }
    if (status === 401 || error.code === "PGRST301" || error.code === "PGRST302") {
      return `Supabase refused the key ${got}; check that SUPABASE_SERVICE_ROLE_KEY is this project's service-role key`;
    }
    if (error.code === "42501") {
      return `permission denied ${got}; SUPABASE_SERVICE_ROLE_KEY must be the service-role key, not the anon key`;
    }
    if (error.code === "PGRST202" || error.code === "42883") {
      return `the SQL function public.${fn} is missing ${got}; apply supabase/migrations to the project (supabase db push)`;
    }
    if (status >= 500) {
      return `Supabase's database is unreachable or failing ${got}; check the project's status and database health`;
    }
    return `Supabase answered an unexpected error ${got}`;
  }
}
