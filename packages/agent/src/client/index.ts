// `@voice-onboarding/agent/client`: the session service's typed client. No Node-only or LiveKit
// imports: it runs wherever fetch does (a Next.js route, an edge function, Node, Deno).
export type { ErrorCode, ExportQuery, ParticipantCredentials } from "../server/api-schemas.js";
export type { CreateSessionBody } from "../server/request-schemas.js";
export {
  createSessionClient,
  type ExportBodies,
  type SessionClient,
  type SessionClientError,
  type SessionClientOptions,
  type SessionClientResult,
} from "./session-client.js";
