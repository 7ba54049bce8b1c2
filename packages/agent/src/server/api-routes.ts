import { ProfileSnapshotMessage } from "@voice-onboarding/protocol";
import * as z from "zod/mini";
import {
  CreatedSessionBody,
  ErrorBody,
  ExportQuery,
  HealthBody,
  RecruiterConnection,
  SessionIdParam,
  SessionTurnLatencyBody,
} from "./api-schemas.js";
import { CreateSessionBody, TokenRequestBody } from "./request-schemas.js";
import {
  CreatedWebhookResponse,
  CreateWebhookBody,
  DeleteSessionResponse,
  DeliveryIdParam,
  DeliveryListResponse,
  ListDeliveriesQuery,
  ListSessionsQuery,
  ReplayAcceptedResponse,
  SessionListResponse,
  WebhookDeletedResponse,
  WebhookIdParam,
  WebhookListResponse,
} from "./tenant-api-schemas.js";

/** A response: a JSON body checked by a schema, or other media types (text, JSON-LD). */
export interface ResponseSpec {
  description: string;
  json?: z.ZodMiniType;
  /** Media types other than application/json, each with its schema. */
  media?: Record<string, z.ZodMiniType>;
}

/**
 * One endpoint of the session service. The server validates with these schemas, the OpenAPI document
 * is generated from them and the typed client sends and checks with them: adding an endpoint is one
 * entry here plus its handler in session-handlers.ts or webhook-handlers.ts (the compiler asks for it).
 */
export interface RouteSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path template; each `{name}` is a path parameter checked by `params[name]`. */
  path: string;
  summary: string;
  /** Needs `Authorization: Bearer <API key>`. */
  auth: boolean;
  params?: Record<string, z.ZodMiniType<string>>;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  responses: Record<number, ResponseSpec>;
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? "error", json: ErrorBody },
    ]),
  );
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "invalid_json or invalid_request: the message names the first problem and its path",
  401: "unauthorized: missing or wrong API key",
  404: "not_found: no such session (or another tenant's), webhook or delivery",
  413: "payload_too_large",
  415: "unsupported_media_type: send application/json",
  422: "export_incomplete: the profile or the query lacks what the format needs; `missing` lists it",
  429: "rate_limited: too many requests of this kind for the tenant; Retry-After says when to retry",
  503: "unavailable (the database, or a store that keeps no turn latency) or livekit_not_configured",
};
const sessionParams = { sessionId: SessionIdParam };
const webhookParams = { webhookId: WebhookIdParam };

export const API_ROUTES = {
  health: {
    method: "GET",
    path: "/healthz",
    summary: "Liveness check",
    auth: false,
    responses: { 200: { description: "the service is up", json: HealthBody } },
  },
  openApi: {
    method: "GET",
    path: "/openapi.json",
    summary: "This document",
    auth: false,
    responses: {
      200: { description: "OpenAPI 3.1 description of the service", json: z.record(z.string(), z.unknown()) },
    },
  },
  createSession: {
    method: "POST",
    path: "/v1/sessions",
    summary: "Create an onboarding session from what the ATS knows before the conversation",
    auth: true,
    body: CreateSessionBody,
    responses: {
      201: { description: "the new session's id", json: CreatedSessionBody },
      ...errors(400, 401, 413, 415, 429, 503),
    },
  },
  listSessions: {
    method: "GET",
    path: "/v1/sessions",
    summary: "The tenant's sessions, newest change first, a page at a time (`next` is the cursor)",
    auth: true,
    query: ListSessionsQuery,
    responses: {
      200: { description: "one page of session summaries", json: SessionListResponse },
      ...errors(400, 401, 503),
    },
  },
  getSession: {
    method: "GET",
    path: "/v1/sessions/{sessionId}",
    summary: "The session's current profile, as a profile.snapshot message",
    auth: true,
    params: sessionParams,
    responses: {
      200: { description: "the stored profile and its version (seq)", json: ProfileSnapshotMessage },
      ...errors(401, 404, 503),
    },
  },
  deleteSession: {
    method: "DELETE",
    path: "/v1/sessions/{sessionId}",
    summary: "Erase the session: profile, event log, transcript; webhooks get session.deleted",
    auth: true,
    params: sessionParams,
    responses: {
      200: { description: "the session is gone", json: DeleteSessionResponse },
      ...errors(401, 404, 503),
    },
  },
  issueToken: {
    method: "POST",
    path: "/v1/sessions/{sessionId}/token",
    summary: "A LiveKit token for the recruiter's browser: the session's room, the agent dispatched",
    auth: true,
    params: sessionParams,
    body: TokenRequestBody,
    responses: {
      201: {
        description:
          "LiveKit connection details and the profile as it is now (paint it before the agent joins)",
        json: RecruiterConnection,
      },
      ...errors(400, 401, 404, 415, 429, 503),
    },
  },
  sessionMetrics: {
    method: "GET",
    path: "/v1/sessions/{sessionId}/metrics",
    summary:
      "Each voice turn's latency (end-of-utterance delay, model time to first token, speech time to first byte, end to end), with p50/p95",
    auth: true,
    params: sessionParams,
    responses: {
      200: { description: "the turns, oldest first, and their percentiles", json: SessionTurnLatencyBody },
      ...errors(401, 404, 503),
    },
  },
  exportSession: {
    method: "GET",
    path: "/v1/sessions/{sessionId}/export",
    summary:
      "The profile as schema.org JSON-LD, a Lever, Greenhouse or Ashby payload, or a Markdown/HTML description",
    auth: true,
    params: sessionParams,
    query: ExportQuery,
    responses: {
      200: {
        description:
          "the export; JSON for jsonld (application/ld+json), lever, greenhouse and ashby, text otherwise",
        json: z.record(z.string(), z.unknown()),
        media: {
          "application/ld+json": z.record(z.string(), z.unknown()),
          "text/markdown": z.string(),
          "text/html": z.string(),
        },
      },
      ...errors(400, 401, 404, 422, 503),
    },
  },
  createWebhook: {
    method: "POST",
    path: "/v1/webhooks",
    summary: "Subscribe an https endpoint of the tenant's backend to session events (Standard Webhooks)",
    auth: true,
    body: CreateWebhookBody,
    responses: {
      201: {
        description: "the subscription, with its signing secret (shown once)",
        json: CreatedWebhookResponse,
      },
      ...errors(400, 401, 413, 415, 503),
    },
  },
  listWebhooks: {
    method: "GET",
    path: "/v1/webhooks",
    summary: "The tenant's webhook subscriptions",
    auth: true,
    responses: {
      200: { description: "the subscriptions, without secrets", json: WebhookListResponse },
      ...errors(401, 503),
    },
  },
  deleteWebhook: {
    method: "DELETE",
    path: "/v1/webhooks/{webhookId}",
    summary: "Unsubscribe (pending deliveries go with it)",
    auth: true,
    params: webhookParams,
    responses: {
      200: { description: "the subscription is gone", json: WebhookDeletedResponse },
      ...errors(401, 404, 503),
    },
  },
  listDeliveries: {
    method: "GET",
    path: "/v1/webhooks/{webhookId}/deliveries",
    summary: "The subscription's latest deliveries, each with its attempts",
    auth: true,
    params: webhookParams,
    query: ListDeliveriesQuery,
    responses: {
      200: { description: "deliveries, newest first", json: DeliveryListResponse },
      ...errors(400, 401, 404, 503),
    },
  },
  replayDelivery: {
    method: "POST",
    path: "/v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay",
    summary: "Send a delivery again (same message id, so receivers deduplicate)",
    auth: true,
    params: { ...webhookParams, deliveryId: DeliveryIdParam },
    responses: {
      202: { description: "queued for the sender", json: ReplayAcceptedResponse },
      ...errors(401, 404, 503),
    },
  },
} as const satisfies Record<string, RouteSpec>;

export type ApiRoutes = typeof API_ROUTES;
export type OperationId = keyof ApiRoutes;
