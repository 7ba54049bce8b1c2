import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ExportError, exportProfile } from "@voice-onboarding/exports";
import { formatIssue } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import {
  InvalidSessionInputError,
  type ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "../service/index.js";
import type { AgentDispatcher } from "./agent-dispatch.js";
import type { ApiRoutes, OperationId, RouteSpec } from "./api-routes.js";
import { HttpError, readJsonBody, sendError, sendJson, sendText } from "./http-io.js";
import { buildOpenApiDocument } from "./openapi.js";
import { matchRoute } from "./route-match.js";
import { issueRecruiterToken, roomNameFor, type TokenOptions } from "./tokens.js";

export interface SessionServerOptions extends Omit<TokenOptions, "livekit"> {
  /** Without LiveKit credentials sessions still work; tokens answer 503 (replay demos, tests). */
  livekit: TokenOptions["livekit"] | undefined;
  service: ProfileService;
  /** Shared secret of the vendor's backend (`Authorization: Bearer …`). */
  apiKey: string;
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

/** What a handler gets: the request, and its path parameters, query and body already validated. */
interface HandlerInput<Route extends RouteSpec> {
  request: IncomingMessage;
  params: Record<keyof Route["params"], string>;
  query: Route["query"] extends z.ZodMiniType ? z.output<Route["query"]> : undefined;
  body: Route["body"] extends z.ZodMiniType ? z.output<Route["body"]> : undefined;
}
/** `[status, JSON body]`, or `[status, text, media type]` for other media types. */
type Reply = [number, unknown] | [number, string, string];
type Handlers = { [Id in OperationId]: (input: HandlerInput<ApiRoutes[Id]>) => Promise<Reply> };

/** The session & token service: node:http, JSON in and out, errors as `{ error: { code, message } }`. */
export function createSessionServer(options: SessionServerOptions): Server {
  const { service } = options;
  const openApiDocument = buildOpenApiDocument();
  // One handler per entry of API_ROUTES (api-routes.ts), which holds the method, path and schemas.
  const handlers: Handlers = {
    health: async () => [200, { status: "ok" }],
    openApi: async () => [200, openApiDocument],
    createSession: async ({ body }) => {
      const profile = await service.createSession({
        recruiter: body.recruiter,
        company: body.company,
        ...body.profile,
      });
      return [201, { sessionId: profile.sessionId }];
    },
    getSession: async ({ params }) => [200, await service.snapshot(params.sessionId)],
    issueToken: async ({ params }) => {
      const profile = await service.load(params.sessionId);
      const { livekit } = options;
      if (!livekit) {
        throw new HttpError(
          503,
          "livekit_not_configured",
          "set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to issue room tokens",
        );
      }
      const [credentials] = await Promise.all([
        issueRecruiterToken(profile, { ...options, livekit }),
        ensureAgent(options, profile.sessionId),
      ]);
      return [201, credentials];
    },
    exportSession: async ({ params, query }) => {
      const { format, ...exportOptions } = query;
      const exported = exportProfile(await service.load(params.sessionId), format, exportOptions);
      return typeof exported.body === "string"
        ? [200, exported.body, exported.contentType]
        : [200, exported.body];
    },
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = matchRoute(request.method ?? "", url.pathname);
    if (route.kind === "not_found") throw new HttpError(404, "not_found", `no endpoint ${url.pathname}`);
    if (route.kind === "method_not_allowed") {
      if (route.auth) authenticate(request, options.apiKey);
      const allow = route.allow.join(", ");
      throw new HttpError(
        405,
        "method_not_allowed",
        `${request.method} is not allowed on ${url.pathname}; use ${allow}`,
        { allow },
      );
    }
    const { spec, operationId } = route;
    if (spec.auth) authenticate(request, options.apiKey);
    const input = {
      request,
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

function authenticate(request: IncomingMessage, apiKey: string): void {
  const header = request.headers.authorization ?? "";
  const presented = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(apiKey);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw new HttpError(
      401,
      "unauthorized",
      "missing or wrong API key: send Authorization: Bearer <VOICE_ONBOARDING_API_KEY>",
      {
        "www-authenticate": "Bearer",
      },
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
  if (error instanceof InvalidSessionInputError) return new HttpError(400, "invalid_request", error.message);
  if (error instanceof ExportError) {
    return new HttpError(422, "export_incomplete", error.message, {}, { missing: [...error.missing] });
  }
  if (error instanceof ProfileUnavailableError) {
    return new HttpError(503, "unavailable", "the profile database is unreachable; try again", {
      "retry-after": "5",
    });
  }
  return new HttpError(500, "internal", "unexpected error; see the service log");
}
