import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ExportError } from "@voice-onboarding/exports";
import { formatIssue } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import {
  InvalidSessionInputError,
  type ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "../service/index.js";
import type { FunctionCaller } from "../store/function-caller.js";
import { StoreUnavailableError } from "../store/profile-store.js";
import { InvalidCursorError, TenantStore } from "../store/tenant-store.js";
import type { TurnLatencyStore } from "../store/turn-latency-store.js";
import { WebhookStore } from "../store/webhook-store.js";
import type { AgentDispatcher } from "./agent-dispatch.js";
import { createAuthenticator } from "./api-keys.js";
import type { Handlers, Reply } from "./handler-types.js";
import { HttpError, readJsonBody, sendError, sendJson, sendText } from "./http-io.js";
import { buildOpenApiDocument } from "./openapi.js";
import { type RateLimit, RateLimiter } from "./rate-limit.js";
import { matchRoute } from "./route-match.js";
import { sessionHandlers } from "./session-handlers.js";
import type { TokenOptions } from "./tokens.js";
import { webhookHandlers } from "./webhook-handlers.js";

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
  /** Where the worker keeps each voice turn's latency (`GET /v1/sessions/{id}/metrics`); 503 without. */
  turnLatency?: TurnLatencyStore;
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
  const openApiDocument = buildOpenApiDocument();
  // One handler per entry of API_ROUTES (api-routes.ts), which holds the method, path and schemas.
  const handlers: Handlers = {
    health: async () => [200, { status: "ok" }],
    openApi: async () => [200, openApiDocument],
    ...sessionHandlers({
      ...options,
      tenants,
      limits: {
        sessions: new RateLimiter(
          options.rateLimits?.sessions ?? DEFAULT_RATE_LIMITS.sessions,
          "new sessions",
        ),
        tokens: new RateLimiter(options.rateLimits?.tokens ?? DEFAULT_RATE_LIMITS.tokens, "token requests"),
      },
    }),
    ...webhookHandlers(new WebhookStore(options.store)),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = urlOf(request.url);
    if (request.method === "OPTIONS") {
      throw new HttpError(
        403,
        "cors_not_supported",
        "this service is server-to-server only and answers no CORS preflight: call it from your backend, never from a browser (browsers get a LiveKit token from your backend)",
      );
    }
    const route = matchRoute(request.method ?? "", url.pathname);
    if (route.kind === "not_found") throw new HttpError(404, "not_found", `no endpoint ${url.pathname}`);
    if (route.kind === "method_not_allowed") {
      if (route.auth) await authenticate(request);
      const allow = route.allow.join(", ");
      throw new HttpError(
        405,
        "method_not_allowed",
        `${request.method} is not allowed on ${url.pathname}; use ${allow}`,
        { allow },
      );
    }
    const { spec, operationId } = route;
    const input = {
      request,
      caller: spec.auth ? await authenticate(request) : undefined,
      params: route.params,
      query: spec.query && parse(spec.query, Object.fromEntries(url.searchParams), "query"),
      body: spec.body && parse(spec.body, await readJsonBody(request)),
    };
    const handler = handlers[operationId] as (input: unknown) => Promise<Reply>;
    const [status, body, mediaType] = await handler(input);
    if (mediaType === undefined) sendJson(response, status, body);
    else sendText(response, status, String(body), mediaType);
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

/** The request's URL; a target that is no URL path (`//`, found by the hostile-request test) is a 400, not a 500. */
function urlOf(target = "/"): URL {
  try {
    return new URL(target, "http://service.invalid");
  } catch {
    throw new HttpError(
      400,
      "invalid_request",
      `malformed request target ${JSON.stringify(target.slice(0, 100))}`,
    );
  }
}

function parse<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  where?: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { message } = formatIssue(parsed.error.issues[0]);
  throw new HttpError(400, "invalid_request", where ? `${where} ${message}` : message);
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof SessionNotFoundError) return new HttpError(404, "not_found", error.message);
  if (error instanceof InvalidSessionInputError || error instanceof InvalidCursorError) {
    return new HttpError(400, "invalid_request", error.message);
  }
  if (error instanceof ExportError) {
    return new HttpError(422, "export_incomplete", error.message, {}, { missing: [...error.missing] });
  }
  if (error instanceof ProfileUnavailableError || error instanceof StoreUnavailableError) {
    return new HttpError(503, "unavailable", "the profile database is unreachable; try again", {
      "retry-after": "5",
    });
  }
  return new HttpError(500, "internal", "unexpected error; see the service log");
}
