import type {
  AshbyExport,
  ExportFormat,
  GreenhouseExport,
  JobPostingJsonLd,
  LeverPosting,
} from "@voice-onboarding/exports";
import type * as z from "zod/mini";
import { API_ROUTES, type ApiRoutes, type OperationId, type RouteSpec } from "../server/api-routes.js";
import { ErrorBody, type ErrorCode, type ExportQuery } from "../server/api-schemas.js";
import type { CreateSessionBody } from "../server/request-schemas.js";
import type {
  CreateWebhookBody,
  ListDeliveriesQuery,
  ListSessionsQuery,
} from "../server/tenant-api-schemas.js";

export interface SessionClientOptions {
  /** Where the session service listens, e.g. `https://onboarding.internal:8787`. */
  baseUrl: string;
  /** The service's API key (VOICE_ONBOARDING_API_KEY). Server-side only: never ship it to a browser. */
  apiKey: string;
  /** A fetch implementation (default: the global one), e.g. one with a timeout or a proxy. */
  fetch?: typeof fetch;
}

/** Why a call failed, as a value: the service's refusal, no answer at all, or an answer we cannot read. */
export type SessionClientError =
  | {
      kind: "http";
      status: number;
      code: ErrorCode;
      message: string;
      missing?: { path: string; hint: string }[];
    }
  | { kind: "network"; message: string }
  | { kind: "invalid_response"; status: number; message: string };

export type SessionClientResult<Value> =
  | { ok: true; status: number; value: Value }
  | { ok: false; error: SessionClientError };

type Output<Id extends OperationId, Status extends number> =
  ApiRoutes[Id]["responses"] extends Record<Status, { json: infer Schema extends z.ZodMiniType }>
    ? z.output<Schema>
    : never;

export interface ExportBodies {
  jsonld: JobPostingJsonLd;
  lever: LeverPosting;
  greenhouse: GreenhouseExport;
  ashby: AshbyExport;
  markdown: string;
  html: string;
}

/** A query whose `limit` the service coerces from text; the client takes it as a number. */
type PageQuery<Schema extends z.ZodMiniType> = Omit<z.input<Schema>, "limit"> & { limit?: number };

interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | number | readonly (string | number)[] | undefined>;
  body?: unknown;
}

/** A typed client for the session service; every method resolves (never rejects) to a result. */
export function createSessionClient(options: SessionClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function call(
    operationId: OperationId,
    input: CallInput = {},
  ): Promise<SessionClientResult<unknown>> {
    const spec: RouteSpec = API_ROUTES[operationId];
    const path = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      encodeURIComponent(input.params?.[name] ?? ""),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(input.query ?? {})) {
      if (value !== undefined) search.set(name, Array.isArray(value) ? value.join(",") : String(value));
    }
    const url = `${baseUrl}${path}${search.size > 0 ? `?${search}` : ""}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          ...(spec.body && { "content-type": "application/json" }),
        },
        body: spec.body ? JSON.stringify(input.body ?? {}) : undefined,
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return {
        ok: false,
        error: { kind: "network", message: `${spec.method} ${url} got no answer (${reason})` },
      };
    }
    return read(response, spec);
  }

  return {
    health: () => call("health") as Promise<SessionClientResult<Output<"health", 200>>>,
    /** `POST /v1/sessions` with what the ATS knows before the conversation. */
    createSession: (body: z.input<typeof CreateSessionBody>) =>
      call("createSession", { body }) as Promise<SessionClientResult<Output<"createSession", 201>>>,
    /** `GET /v1/sessions/{id}`: the stored profile as a profile.snapshot message. */
    getSession: (sessionId: string) =>
      call("getSession", { params: { sessionId } }) as Promise<
        SessionClientResult<Output<"getSession", 200>>
      >,
    /** `POST /v1/sessions/{id}/token`: LiveKit connection details for the recruiter's browser. */
    issueToken: (sessionId: string) =>
      call("issueToken", { params: { sessionId } }) as Promise<
        SessionClientResult<Output<"issueToken", 201>>
      >,
    /** `GET /v1/sessions/{id}/export`: the profile in an ATS's or a job board's shape. */
    exportSession: <Format extends ExportFormat>(
      sessionId: string,
      query: ExportQuery & { format: Format },
    ): Promise<SessionClientResult<ExportBodies[Format]>> =>
      call("exportSession", { params: { sessionId }, query }) as Promise<
        SessionClientResult<ExportBodies[Format]>
      >,
    /** `GET /v1/sessions`: one page of the tenant's sessions; pass the page's `next` as `cursor` for the next. */
    listSessions: (query: PageQuery<typeof ListSessionsQuery> = {}) =>
      call("listSessions", { query }) as Promise<SessionClientResult<Output<"listSessions", 200>>>,
    /** `DELETE /v1/sessions/{id}`: erases the session. */
    deleteSession: (sessionId: string) =>
      call("deleteSession", { params: { sessionId } }) as Promise<
        SessionClientResult<Output<"deleteSession", 200>>
      >,
    /** `POST /v1/webhooks`: the answer carries the signing secret, once. */
    createWebhook: (body: z.input<typeof CreateWebhookBody>) =>
      call("createWebhook", { body }) as Promise<SessionClientResult<Output<"createWebhook", 201>>>,
    listWebhooks: () => call("listWebhooks") as Promise<SessionClientResult<Output<"listWebhooks", 200>>>,
    deleteWebhook: (webhookId: string) =>
      call("deleteWebhook", { params: { webhookId } }) as Promise<
        SessionClientResult<Output<"deleteWebhook", 200>>
      >,
    listDeliveries: (webhookId: string, query: PageQuery<typeof ListDeliveriesQuery> = {}) =>
      call("listDeliveries", { params: { webhookId }, query }) as Promise<
        SessionClientResult<Output<"listDeliveries", 200>>
      >,
    /** Sends a delivery again, with the same message id. */
    replayDelivery: (webhookId: string, deliveryId: string) =>
      call("replayDelivery", { params: { webhookId, deliveryId } }) as Promise<
        SessionClientResult<Output<"replayDelivery", 202>>
      >,
    openApi: () => call("openApi") as Promise<SessionClientResult<Output<"openApi", 200>>>,
  };
}
export type SessionClient = ReturnType<typeof createSessionClient>;

/** Checks the answer against the route's response schema for its status. */
async function read(response: Response, spec: RouteSpec): Promise<SessionClientResult<unknown>> {
  const { status } = response;
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const text = await response.text().catch(() => "");
  const invalid = (message: string): SessionClientResult<unknown> => ({
    ok: false,
    error: { kind: "invalid_response", status, message },
  });
  const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
  let payload: unknown = text;
  if (isJson) {
    try {
      payload = JSON.parse(text);
    } catch {
      return invalid(`HTTP ${status}: the body is not JSON`);
    }
  }
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(payload);
    if (!parsed.success) return invalid(`HTTP ${status} without the service's error body`);
    return { ok: false, error: { kind: "http", status, ...parsed.data.error } };
  }
  const expected = spec.responses[status];
  const schema = mediaType === "application/json" ? expected?.json : expected?.media?.[mediaType];
  if (!schema)
    return invalid(`HTTP ${status} ${mediaType || "(no content type)"} is not an answer this endpoint gives`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return invalid(`HTTP ${status}: the body does not match the endpoint's schema`);
  return { ok: true, status, value: parsed.data };
}
