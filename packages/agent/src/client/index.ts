// `@voice-onboarding/agent/client`: the session service's typed client. No Node-only or LiveKit
// imports: it runs wherever fetch does (a Next.js route, an edge function, Node, Deno).
export type {
  ErrorCode,
  ExportQuery,
  ParticipantCredentials,
  RecruiterConnection,
} from "../server/api-schemas.js";
/** The body of `createSession`, as the schema the service validates it with (parse to check a body early). */
export { CreateSessionBody } from "../server/request-schemas.js";
export {
  createSessionClient,
  type ExportBodies,
  type SessionClient,
  type SessionClientError,
  type SessionClientOptions,
  type SessionClientResult,
} from "./session-client.js";
