import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { formatIssue } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import {
  InvalidSessionInputError,
  type ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "../service/index.js";
import type { TurnLatencyStore } from "../store/turn-latency-store.js";
import type { AgentDispatcher } from "./agent-dispatch.js";
import { HttpError, readJsonBody, sendError, sendJson } from "./http-io.js";
import { CreateSessionBody, TokenRequestBody } from "./request-schemas.js";
import { issueRecruiterToken, roomNameFor, type TokenOptions } from "./tokens.js";
import { sessionTurnLatency } from "./turn-latency-route.js";

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
  /** Where the worker keeps each voice turn's latency (`GET /v1/sessions/{id}/metrics`); 503 without. */
  turnLatency?: TurnLatencyStore;
}

type Handler = (request: IncomingMessage, params: { sessionId: string }) => Promise<[number, unknown]>;
type Route = { pattern: RegExp; methods: Record<string, Handler>; authenticated: boolean };

/** The session & token service: node:http, JSON in and out, errors as `{ error: { code, message } }`. */
export function createSessionServer(options: SessionServerOptions): Server {
  const { service } = options;
  const routes: Route[] = [
    { pattern: /^\/healthz$/, authenticated: false, methods: { GET: async () => [200, { status: "ok" }] } },
    {
      pattern: /^\/v1\/sessions$/,
      authenticated: true,
      methods: {
        POST: async (request) => {
          const body = parse(CreateSessionBody, await readJsonBody(request));
          const profile = await service.createSession({
            recruiter: body.recruiter,
            company: body.company,
            ...body.profile,
          });
          return [201, { sessionId: profile.sessionId }];
        },
      },
    },
    {
      pattern: /^\/v1\/sessions\/(?<sessionId>[A-Za-z0-9_-]{1,64})$/,
      authenticated: true,
      methods: { GET: async (_request, { sessionId }) => [200, await service.snapshot(sessionId)] },
    },
    {
      pattern: /^\/v1\/sessions\/(?<sessionId>[A-Za-z0-9_-]{1,64})\/metrics$/,
      authenticated: true,
      methods: {
        GET: async (_request, { sessionId }) => [
          200,
          await sessionTurnLatency(service, options.turnLatency, sessionId),
        ],
      },
    },
    {
      pattern: /^\/v1\/sessions\/(?<sessionId>[A-Za-z0-9_-]{1,64})\/token$/,
      authenticated: true,
      methods: {
        POST: async (request, { sessionId }) => {
          parse(TokenRequestBody, await readJsonBody(request));
          const profile = await service.load(sessionId);
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
      },
    },
  ];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route) throw new HttpError(404, "not_found", `no endpoint ${path}`);
    if (route.authenticated) authenticate(request, options.apiKey);
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
    const sessionId = route.pattern.exec(path)?.groups?.sessionId ?? "";
    const [status, body] = await handler(request, { sessionId });
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

function parse<Schema extends z.ZodMiniType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, "invalid_request", formatIssue(parsed.error.issues[0]).message);
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof SessionNotFoundError) return new HttpError(404, "not_found", error.message);
  if (error instanceof InvalidSessionInputError) return new HttpError(400, "invalid_request", error.message);
  if (error instanceof ProfileUnavailableError) {
    return new HttpError(503, "unavailable", "the profile database is unreachable; try again", {
      "retry-after": "5",
    });
  }
  return new HttpError(500, "internal", "unexpected error; see the service log");
}
