import { llm } from "@livekit/agents";
import { type JobProfile, missingFields } from "@voice-onboarding/protocol";
import {
  type AppliedChange,
  ChangeError,
  type ChangePlan,
  ConflictRetriesExhaustedError,
  type ProfileService,
  ProfileUnavailableError,
} from "../service/index.js";

export interface ToolDeps {
  service: ProfileService;
  sessionId: string;
}

const UNREACHABLE = "The profile database is unreachable; nothing was saved; try again.";
const CONTENDED = "The profile kept changing while saving; nothing was saved; try again.";

/** Every tool change goes through the service as the agent; refusals become errors the model can act on. */
export async function runChange({ service, sessionId }: ToolDeps, plan: ChangePlan): Promise<AppliedChange> {
  try {
    return await service.apply(sessionId, "agent", plan);
  } catch (error) {
    throw asToolError(error);
  }
}

export async function readProfile({ service, sessionId }: ToolDeps): Promise<JobProfile> {
  try {
    return await service.current(sessionId);
  } catch (error) {
    throw asToolError(error);
  }
}

function asToolError(error: unknown): unknown {
  if (error instanceof ChangeError) return new llm.ToolError(error.message);
  if (error instanceof ProfileUnavailableError) return new llm.ToolError(UNREACHABLE);
  if (error instanceof ConflictRetriesExhaustedError) return new llm.ToolError(CONTENDED);
  // Anything else (unknown session, a bug) is not the model's to fix.
  return error;
}

/** The closing sentence of every change result: what the model should go after next. */
export function stillNeeded(profile: JobProfile): string {
  const missing = missingFields(profile);
  if (missing.length > 0) return `Still needed: ${missing.join(", ")}.`;
  return profile.status === "completed"
    ? "Onboarding is complete."
    : "All required fields are filled: summarize briefly, ask the recruiter to confirm, then call complete_onboarding.";
}
