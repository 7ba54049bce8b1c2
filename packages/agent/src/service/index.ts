export type { SettledChange } from "./change-settler.js";
export type { ChangeDraft, ChangeType } from "./envelope.js";
export { snapshotMessage } from "./envelope.js";
export {
  ChangeError,
  type ChangeErrorCode,
  ChangeOutcomeUnknownError,
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
  type SettledListener,
} from "./profile-service.js";
export type { CreateSessionInput } from "./session-input.js";
export { Deadline, StoreBudget, type StoreBudgetOptions } from "./store-budget.js";
