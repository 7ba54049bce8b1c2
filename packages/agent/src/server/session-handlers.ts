import { exportProfile } from "@voice-onboarding/exports";
import type { JobProfile } from "@voice-onboarding/protocol";
import { type ProfileService, SessionNotFoundError, snapshotMessage } from "../service/index.js";
import type { TenantStore } from "../store/tenant-store.js";
import type { TurnLatencyStore } from "../store/turn-latency-store.js";
import type { AgentDispatcher } from "./agent-dispatch.js";
import type { Handlers } from "./handler-types.js";
import { HttpError } from "./http-io.js";
import type { RateLimiter } from "./rate-limit.js";
import { issueRecruiterToken, roomNameFor, type TokenOptions } from "./tokens.js";
import { sessionTurnLatency } from "./turn-latency-route.js";

export interface SessionHandlerDeps extends Omit<TokenOptions, "livekit"> {
  livekit: TokenOptions["livekit"] | undefined;
  service: ProfileService;
  tenants: TenantStore;
  limits: { sessions: RateLimiter; tokens: RateLimiter };
  agentDispatcher?: AgentDispatcher;
  agentCheckTimeoutMs?: number;
  turnLatency?: TurnLatencyStore;
}

type SessionOperation =
  | "createSession"
  | "listSessions"
  | "getSession"
  | "deleteSession"
  | "issueToken"
  | "sessionMetrics"
  | "exportSession";

/** `/v1/sessions…`: every read and write is scoped to the caller's tenant. */
export function sessionHandlers(deps: SessionHandlerDeps): Pick<Handlers, SessionOperation> {
  const { service, tenants, limits } = deps;

  /** Another tenant's session answers exactly like a missing one. */
  const ownSession = async (tenantId: string, sessionId: string): Promise<JobProfile> => {
    const profile = await tenants.loadSession(tenantId, sessionId);
    if (profile === null) throw new SessionNotFoundError(sessionId);
    return profile;
  };

  return {
    createSession: async ({ caller, body }) => {
      limits.sessions.take(caller.tenantId);
      const profile = await service.createSession(
        { recruiter: body.recruiter, company: body.company, ...body.profile },
        caller.tenantId,
      );
      return [201, { sessionId: profile.sessionId }];
    },
    listSessions: async ({ caller, query }) => [200, await tenants.listSessions(caller.tenantId, query)],
    getSession: async ({ caller, params }) => [
      200,
      snapshotMessage(await ownSession(caller.tenantId, params.sessionId), new Date()),
    ],
    deleteSession: async ({ caller, params }) => {
      const { sessionId } = params;
      if (!(await tenants.deleteSession(caller.tenantId, sessionId)))
        throw new SessionNotFoundError(sessionId);
      return [200, { sessionId, deleted: true }];
    },
    issueToken: async ({ caller, params }) => {
      limits.tokens.take(caller.tenantId);
      const profile = await ownSession(caller.tenantId, params.sessionId);
      const { livekit } = deps;
      if (!livekit) {
        throw new HttpError(
          503,
          "livekit_not_configured",
          "set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to issue room tokens",
        );
      }
      const [credentials] = await Promise.all([
        issueRecruiterToken(profile, { ...deps, livekit }),
        ensureAgent(deps, profile.sessionId),
      ]);
      return [201, { ...credentials, snapshot: snapshotMessage(profile, new Date()) }];
    },
    sessionMetrics: async ({ caller, params }) => [
      200,
      await sessionTurnLatency(
        (sessionId) => ownSession(caller.tenantId, sessionId),
        deps.turnLatency,
        params.sessionId,
      ),
    ],
    exportSession: async ({ caller, params, query }) => {
      const { format, ...exportOptions } = query;
      const exported = exportProfile(
        await ownSession(caller.tenantId, params.sessionId),
        format,
        exportOptions,
      );
      return typeof exported.body === "string"
        ? [200, exported.body, exported.contentType]
        : [200, exported.body];
    },
  };
}

/**
 * The agent check never fails a token request and delays it at most `agentCheckTimeoutMs`: the
 * token is useful either way (the recruiter's widget asks again while the agent stays away).
 */
async function ensureAgent(deps: SessionHandlerDeps, sessionId: string): Promise<void> {
  const { agentDispatcher } = deps;
  if (!agentDispatcher) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deps.agentCheckTimeoutMs ?? 3000);
  });
  await Promise.race([agentDispatcher.ensureAgent(roomNameFor(sessionId), { sessionId }), timeout]);
  clearTimeout(timer);
}
