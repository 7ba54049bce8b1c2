import "server-only";
import {
  createSessionClient,
  type SessionClient,
  type SessionClientError,
  type SessionClientResult,
} from "@voice-onboarding/agent/client";
import { demoSession } from "./demo-session";

/** The session service's client, with the key our backend presents to it. Never sent to the browser. */
export function readSessionClient(env: NodeJS.ProcessEnv = process.env): SessionClient | null {
  const baseUrl = env.VOICE_ONBOARDING_SERVICE_URL?.trim();
  const apiKey = env.VOICE_ONBOARDING_API_KEY?.trim();
  if (!baseUrl || !apiKey) return null;
  return createSessionClient({ baseUrl, apiKey });
}

export interface RecruiterConnection {
  sessionId: string;
  serverUrl: string;
  participantToken: string;
  /** The profile as it is now (a `profile.snapshot` message): the widget paints it before the agent joins. */
  snapshot: unknown;
}

/**
 * Reuses the recruiter's session while the service still knows it, else creates one from what the
 * ATS knows (here: the demo job), then gets a LiveKit token for it.
 */
export async function connectRecruiter(
  client: SessionClient,
  knownSessionId?: string,
): Promise<SessionClientResult<RecruiterConnection>> {
  let sessionId = knownSessionId;
  if (sessionId !== undefined) {
    const existing = await client.getSession(sessionId);
    const gone = !existing.ok && existing.error.kind === "http" && [400, 404].includes(existing.error.status);
    if (!existing.ok && !gone) return existing;
    if (gone) sessionId = undefined;
  }
  if (sessionId === undefined) {
    const created = await client.createSession(demoSession);
    if (!created.ok) return created;
    sessionId = created.value.sessionId;
  }
  const token = await client.issueToken(sessionId);
  if (!token.ok) return token;
  const { serverUrl, participantToken, snapshot } = token.value;
  return { ok: true, status: token.status, value: { sessionId, serverUrl, participantToken, snapshot } };
}

export interface ServiceFailure {
  status: number;
  code: string;
  message: string;
}

/** A failed call as the status, code and message this app answers with. */
export function describeServiceError(error: SessionClientError): ServiceFailure {
  switch (error.kind) {
    case "http":
      return error;
    case "network":
      return {
        status: 502,
        code: "service_unreachable",
        message: `${error.message}; is the session service running? (VOICE_ONBOARDING_SERVICE_URL)`,
      };
    case "invalid_response":
      return { status: 502, code: "bad_response", message: `session service: ${error.message}` };
  }
}
