export * from "./config/index.js";
export * from "./edits/index.js";
export * from "./prompt/index.js";
export { LiveKitPublisher, type RecipientLookup, type TextSender } from "./publish/livekit-publisher.js";
export { CapturingPublisher, type Publisher } from "./publish/publisher.js";
export { type ReplayOptions, type ReplayResult, runReplay } from "./replay/run-replay.js";
export {
  type AgentDispatcher,
  type AgentDispatcherOptions,
  createAgentDispatcher,
  type EnsureAgentOutcome,
  liveKitRoomAgentApi,
  type RoomAgentApi,
} from "./server/agent-dispatch.js";
export { API_KEY_PREFIX, type Caller, generateApiKey, hashApiKey } from "./server/api-keys.js";
export { createSessionServer, type SessionServerOptions } from "./server/session-server.js";
export { issueRecruiterToken, type ParticipantCredentials, roomNameFor } from "./server/tokens.js";
export * from "./service/index.js";
export * from "./store/index.js";
export * from "./tools/index.js";
export * from "./webhooks/index.js";
export { createIntakeAgent, type IntakeAgent, type IntakeAgentOptions } from "./worker/intake-agent.js";
export { type IntakeJobDeps, runIntakeJob } from "./worker/intake-job.js";
