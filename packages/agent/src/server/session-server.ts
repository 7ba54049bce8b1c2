import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  InvalidSessionInputError,
  type ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "../service/index.js";
import type { FunctionCaller } from "../store/function-caller.js";
import { StoreUnavailableError } from "../store/profile-store.js";
import { InvalidCursorError, TenantStore } from "../store/tenant-store.js";
import { WebhookStore } from "../store/webhook-store.js";
import type { AgentDispatcher } from "./agent-dispatch.js";
import { createAuthenticator } from "./api-keys.js";
import { HttpError, sendError, sendJson } from "./http-io.js";
import { type RateLimit, RateLimiter } from "./rate-limit.js";
import type { Route } from "./router.js";
import { sessionRoutes } from "./session-routes.js";
import { issueRecruiterToken, roomNameFor, type TokenOptions } from "./tokens.js";
import { webhookRoutes } from "./webhook-routes.js";

export interface SessionServerOptions extends Omit<TokenOptions, "livekit"> {
  /** Without LiveKit credentials sessions still work; tokens answer 503 (replay demos, tests). */
  livekit: TokenOptions["livekit"] | undefined;
  service: ProfileService;
  /** The database behind `service`: tenants, their keys, listing, erasure and webhooks. */
  store: FunctionCaller;
  /** Bootstrap key of the tenant "default" (VOICE_ONBOARDING_API_KEY); tenants have their own keys. */
  apiKey: string;
  /** Per tenant, in this process. Defaults: 60 session creations and 300 tokens a minute. */
  rateLimits?: { sessions?: RateLimit; tokens?: RateLimit };
  logger?: Pick<Console, "error">;
  /**
   * Makes sure a room that already exists has our agent when a token for it is issued (a job that
   * died, a dispatch LiveKit dropped). Without it only the token's roomConfig dispatches, which
   * LiveKit applies when it creates the room. `serve` passes one built on the LiveKit server APIs.
   */
  agentDispatcher?: AgentDispatcher;
  /** How long a token request waits for the agent check before answering anyway (it goes on). Default 3 s. */
  agentCheckTimeoutMs?: number;
}

export const DEFAULT_RATE_LIMITS = { sessions: { perMinute: 60 }, tokens: { perMinute: 300 } };

/**
 * The session & token service: node:http, JSON in and out, errors as `{ error: { code, message } }`.
 * Server-to-server only: it answers no CORS preflight and sends no Access-Control-* header, so
 * a browser page can never call it (and must never hold its keys); browsers get their LiveKit
 * token from the vendor's backend, which calls this service.
 */
export function createSessionServer(options: SessionServerOptions): Server {
  const tenants = new TenantStore(options.store);
  const authenticate = createAuthenticator(options.apiKey, tenants);
  const routes: Route[] = [
    ...sessionRoutes({
      service: options.service,
      tenants,
      livekit: options.livekit,
      limits: {
        sessions: new RateLimiter(
          options.rateLimits?.sessions ?? DEFAULT_RATE_LIMITS.sessions,
          "new sessions",
        ),
        tokens: new RateLimiter(options.rateLimits?.tokens ?? DEFAULT_RATE_LIMITS.tokens, "token requests"),
      },
      issueToken: async (profile, livekit) => {
        const [credentials] = await Promise.all([
          issueRecruiterToken(profile, { ...options, livekit }),
          ensureAgent(options, profile.sessionId),
        ]);
        return credentials;
      },
    }),
    ...webhookRoutes(new WebhookStore(options.store)),
  ];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://service.invalid");
    const path = url.pathname;
    if (request.method === "OPTIONS") {
      throw new HttpError(
        403,
        "cors_not_supported",
        "this service is server-to-server only and answers no CORS preflight: call it from your backend, never from a browser (browsers get a LiveKit token from your backend)",
      );
    }
    if (path === "/healthz" && request.method === "GET") {
      sendJson(response, 200, { status: "ok" });
      return;
    }
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route) throw new HttpError(404, "not_found", `no route for ${path}`);
    const caller = await authenticate(request);
    const handler = route.methods[request.method ?? ""];
    if (!handler) {
      const allow = Object.keys(route.methods).join(", ");
      throw new HttpError(
        405,
        "method_not_allowed",
        `${request.method} is not allowed on ${path}; use ${allow}`,
        { allow },
      );
    }
    const params = { ...route.pattern.exec(path)?.groups };
    const [status, body] = await handler(request, { caller, params, url });
    sendJson(response, status, body);
  };

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const httpError = toHttpError(error);
      // Expected refusals are answered, not logged; only what nobody mapped is a bug worth a stack.
      if (httpError.code === "internal") options.logger?.error("session service request failed", error);
      // A refused upload may still be streaming: answer, then drop the connection.
      if (httpError.status === 413) response.setHeader("connection", "close");
      sendError(response, httpError);
    });
  });
}

/**
 * The agent check never fails a token request and delays it at most `agentCheckTimeoutMs`: the
 * token is useful either way (the recruiter's widget asks again while the agent stays away).
 */
async function ensureAgent(options: SessionServerOptions, sessionId: string): Promise<void> {
  const { agentDispatcher } = options;
  if (!agentDispatcher) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.agentCheckTimeoutMs ?? 3000);
  });
  await Promise.race([agentDispatcher.ensureAgent(roomNameFor(sessionId), { sessionId }), timeout]);
  clearTimeout(timer);
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof SessionNotFoundError) return new HttpError(404, "not_found", error.message);
  if (error instanceof InvalidSessionInputError) return new HttpError(400, "invalid_request", error.message);
  if (error instanceof InvalidCursorError) return new HttpError(400, "invalid_request", error.message);
  if (error instanceof ProfileUnavailableError || error instanceof StoreUnavailableError) {
    return new HttpError(503, "unavailable", "the profile database is unreachable; try again", {
      "retry-after": "5",
    });
  }
  return new HttpError(500, "internal", "unexpected error; see the service log");
}
