import type { JobProfile } from "@voice-onboarding/protocol";
import type { FunctionCaller } from "./function-caller.js";

/** Tenant ids: lower-case letters, digits, `_` and `-`, as the tenants table checks. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** The tenant of the bootstrap key (VOICE_ONBOARDING_API_KEY) and of sessions older than tenants. */
export const DEFAULT_TENANT = "default";

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface SessionSummary {
  sessionId: string;
  status: JobProfile["status"];
  version: number;
  jobTitle: string | null;
  companyName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionPage {
  items: SessionSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next: string | null;
}

export interface ListSessionsQuery {
  status?: JobProfile["status"];
  cursor?: string;
  /** 1-100. */
  limit: number;
}

/** A `cursor` that this service did not hand out. */
export class InvalidCursorError extends Error {
  override readonly name = "InvalidCursorError";
}

interface CursorPosition {
  createdAt: string;
  sessionId: string;
}

/** Opaque to clients: the position of the last row of a page. */
function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.sessionId])).toString("base64url");
}

function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, sessionId] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (
      typeof createdAt === "string" &&
      typeof sessionId === "string" &&
      !Number.isNaN(Date.parse(createdAt))
    ) {
      return { createdAt, sessionId };
    }
  } catch {
    // Reported below.
  }
  throw new InvalidCursorError(
    "cursor is not one this service returned: pass the `next` of the previous page",
  );
}

/**
 * Tenants, their API keys (stored as SHA-256 hashes) and everything the session service does to
 * a tenant's sessions beyond the agent's profile path: read, list, erase, purge.
 */
export class TenantStore {
  constructor(private readonly db: FunctionCaller) {}

  createApiKey(tenantId: string, key: { id: string; hash: string; label: string }): Promise<ApiKeyRecord> {
    return this.db.callFunction(
      "create_tenant_api_key",
      { p_tenant_id: tenantId, p_key_id: key.id, p_key_hash: key.hash, p_label: key.label },
      `create an API key for tenant "${tenantId}"`,
    );
  }

  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    return this.db.callFunction(
      "list_tenant_api_keys",
      { p_tenant_id: tenantId },
      `list the API keys of tenant "${tenantId}"`,
    );
  }

  async revokeApiKey(tenantId: string, keyId: string): Promise<boolean> {
    const result = await this.db.callFunction<{ revoked: boolean }>(
      "revoke_tenant_api_key",
      { p_tenant_id: tenantId, p_key_id: keyId },
      `revoke API key "${keyId}" of tenant "${tenantId}"`,
    );
    return result.revoked;
  }

  /** The tenant of an active key with this SHA-256 hash, or null. */
  authenticate(keyHash: string): Promise<{ tenantId: string; keyId: string } | null> {
    return this.db.callFunction("authenticate_api_key", { p_key_hash: keyHash }, "check an API key");
  }

  /** The session's profile if it belongs to the tenant; null otherwise (missing or another tenant's). */
  loadSession(tenantId: string, sessionId: string): Promise<JobProfile | null> {
    return this.db.callFunction(
      "get_tenant_job_profile",
      { p_tenant_id: tenantId, p_session_id: sessionId },
      `load session "${sessionId}" of tenant "${tenantId}"`,
    );
  }

  async listSessions(tenantId: string, query: ListSessionsQuery): Promise<SessionPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await this.db.callFunction<{ items: SessionSummary[]; next: CursorPosition | null }>(
      "list_tenant_job_profiles",
      {
        p_tenant_id: tenantId,
        p_status: query.status ?? null,
        p_after_created_at: after?.createdAt ?? null,
        p_after_session_id: after?.sessionId ?? null,
        p_limit: query.limit,
      },
      `list the sessions of tenant "${tenantId}"`,
    );
    return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
  }

  /** Erases the session, its event log and whatever references it; false when the tenant has no such session. */
  async deleteSession(tenantId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.callFunction<{ deleted: boolean }>(
      "delete_tenant_job_profile",
      { p_tenant_id: tenantId, p_session_id: sessionId },
      `delete session "${sessionId}" of tenant "${tenantId}"`,
    );
    return result.deleted;
  }

  /**
   * Retention: erases every session (of `tenantId`, or of all tenants) last changed before
   * `olderThan`, and the finished webhook deliveries older than that.
   */
  async purge(olderThan: Date, tenantId?: string): Promise<{ sessions: number; deliveries: number }> {
    const sessions = await this.db.callFunction<{ deleted: number }>(
      "purge_job_profiles",
      { p_older_than: olderThan, p_tenant_id: tenantId ?? null },
      `purge sessions older than ${olderThan.toISOString()}`,
    );
    const deliveries = await this.db.callFunction<{ deleted: number }>(
      "purge_webhook_deliveries",
      { p_older_than: olderThan },
      `purge webhook deliveries older than ${olderThan.toISOString()}`,
    );
    return { sessions: sessions.deleted, deliveries: deliveries.deleted };
  }
}
