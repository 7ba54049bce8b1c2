import type { JobProfile } from "@voice-onboarding/protocol";
import { type ProfileService, SessionNotFoundError, snapshotMessage } from "../service/index.js";
import type { TenantStore } from "../store/tenant-store.js";
import { HttpError, readJsonBody } from "./http-io.js";
import type { RateLimiter } from "./rate-limit.js";
import { CreateSessionBody, TokenRequestBody } from "./request-schemas.js";
import { parse, queryOf, type Route, SESSION_ID } from "./router.js";
import { ListSessionsQuery } from "./tenant-api-schemas.js";
import type { ParticipantCredentials, TokenOptions } from "./tokens.js";

export interface SessionRoutesDeps {
  service: ProfileService;
  tenants: TenantStore;
  limits: { sessions: RateLimiter; tokens: RateLimiter };
  livekit: TokenOptions["livekit"] | undefined;
  /** Issues the token, and makes sure the room has its agent. */
  issueToken(profile: JobProfile, livekit: TokenOptions["livekit"]): Promise<ParticipantCredentials>;
}

/** `/v1/sessions…`: every read and write is scoped to the caller's tenant. */
export function sessionRoutes(deps: SessionRoutesDeps): Route[] {
  const { service, tenants, limits } = deps;

  /** Another tenant's session answers exactly like a missing one. */
  const ownSession = async (tenantId: string, sessionId: string): Promise<JobProfile> => {
    const profile = await tenants.loadSession(tenantId, sessionId);
    if (profile === null) throw new SessionNotFoundError(sessionId);
    return profile;
  };

  return [
    {
      pattern: /^\/v1\/sessions$/,
      methods: {
        POST: async (request, { caller }) => {
          limits.sessions.take(caller.tenantId);
          const body = parse(CreateSessionBody, await readJsonBody(request));
          const profile = await service.createSession(
            { recruiter: body.recruiter, company: body.company, ...body.profile },
            caller.tenantId,
          );
          return [201, { sessionId: profile.sessionId }];
        },
        GET: async (_request, { caller, url }) => {
          const query = parse(ListSessionsQuery, queryOf(url));
          return [200, await tenants.listSessions(caller.tenantId, query)];
        },
      },
    },
    {
      pattern: new RegExp(`^/v1/sessions/${SESSION_ID}$`),
      methods: {
        GET: async (_request, { caller, params }) => [
          200,
          snapshotMessage(await ownSession(caller.tenantId, params.sessionId ?? ""), new Date()),
        ],
        DELETE: async (_request, { caller, params }) => {
          const sessionId = params.sessionId ?? "";
          if (!(await tenants.deleteSession(caller.tenantId, sessionId))) {
            throw new SessionNotFoundError(sessionId);
          }
          return [200, { sessionId, deleted: true }];
        },
      },
    },
    {
      pattern: new RegExp(`^/v1/sessions/${SESSION_ID}/token$`),
      methods: {
        POST: async (request, { caller, params }) => {
          limits.tokens.take(caller.tenantId);
          parse(TokenRequestBody, await readJsonBody(request));
          const profile = await ownSession(caller.tenantId, params.sessionId ?? "");
          if (!deps.livekit) {
            throw new HttpError(
              503,
              "livekit_not_configured",
              "set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to issue room tokens",
            );
          }
          return [201, await deps.issueToken(profile, deps.livekit)];
        },
      },
    },
  ];
}
