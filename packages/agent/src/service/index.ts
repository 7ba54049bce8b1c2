export type { ChangeDraft, ChangeType } from "./envelope.js";
export { snapshotMessage } from "./envelope.js";
export {
  ChangeError,
  type ChangeErrorCode,
  ConflictRetriesExhaustedError,
  InvalidSessionInputError,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "./errors.js";
export {
  type AppliedChange,
  type ChangeListener,
  type ChangePlan,
  type PlanContext,
  ProfileService,
  type ProfileServiceOptions,
  type ServiceLogger,
} from "./profile-service.js";
export type { CreateSessionInput } from "./session-input.js";
