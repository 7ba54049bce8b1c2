import "server-only";
import { demoSession } from "./demo-session";

/** Where the session & token service is and the key our backend presents to it. Never sent to the browser. */
export interface ServiceConfig {
  url: string;
  apiKey: string;
}

export interface ConnectionCredentials {
  serverUrl: string;
  participantToken: string;
}

/** A failed call to the service, with its `{ error: { code, message } }` when it answered one. */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function readServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig | null {
  const url = env.VOICE_ONBOARDING_SERVICE_URL?.trim();
  const apiKey = env.VOICE_ONBOARDING_API_KEY?.trim();
  if (!url || !apiKey) return null;
  return { url: url.replace(/\/+$/, ""), apiKey };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function stringField(payload: unknown, name: string): string {
  const value = isRecord(payload) ? payload[name] : undefined;
  if (typeof value !== "string")
    throw new ServiceError(502, "bad_response", `session service answer lacks "${name}"`);
  return value;
}

async function call(config: ServiceConfig, method: "GET" | "POST", path: string, body?: unknown) {
  let response: Response;
  try {
    response = await fetch(`${config.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${config.apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ServiceError(
      502,
      "service_unreachable",
      `session service at ${config.url} did not answer (${reason}); is it running? (VOICE_ONBOARDING_SERVICE_URL)`,
    );
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(payload) && isRecord(payload.error) ? payload.error : {};
    throw new ServiceError(
      response.status,
      typeof error.code === "string" ? error.code : "http_error",
      typeof error.message === "string" ? error.message : `session service answered HTTP ${response.status}`,
    );
  }
  return payload;
}

/** `POST /v1/sessions` with what the ATS knows before the conversation (here: the demo job). */
export async function createSession(config: ServiceConfig): Promise<string> {
  return stringField(await call(config, "POST", "/v1/sessions", demoSession), "sessionId");
}

/** `GET /v1/sessions/{id}`: false when the service no longer knows the session. */
export async function sessionExists(config: ServiceConfig, sessionId: string): Promise<boolean> {
  try {
    await call(config, "GET", `/v1/sessions/${encodeURIComponent(sessionId)}`);
    return true;
  } catch (error) {
    if (error instanceof ServiceError && (error.status === 404 || error.status === 400)) return false;
    throw error;
  }
}

/** `POST /v1/sessions/{id}/token`: a LiveKit token for the recruiter; 503 `livekit_not_configured` without LiveKit. */
export async function issueToken(config: ServiceConfig, sessionId: string): Promise<ConnectionCredentials> {
  const payload = await call(config, "POST", `/v1/sessions/${encodeURIComponent(sessionId)}/token`, {});
  return {
    serverUrl: stringField(payload, "serverUrl"),
    participantToken: stringField(payload, "participantToken"),
  };
}
