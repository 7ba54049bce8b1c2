import { llm } from "@livekit/agents";
import { type JobProfile, missingFields } from "@voice-onboarding/protocol";
import {
  type AppliedChange,
  ChangeError,
  ChangeOutcomeUnknownError,
  type ChangePlan,
  ConflictRetriesExhaustedError,
  type ProfileService,
  ProfileUnavailableError,
} from "../service/index.js";

export interface ToolDeps {
  service: ProfileService;
  sessionId: string;
}

const UNREACHABLE =
  "The profile database is unreachable; this was NOT saved. Tell the recruiter it could not be saved just now; try again later in the conversation.";
const CANNOT_READ =
  "The profile database is unreachable, so the profile cannot be read just now; carry on with the conversation and try again later.";
const UNKNOWN =
  "The profile database did not answer in time, so it is not yet known whether this was saved. Do not call this tool again for it and do not say it was saved; tell the recruiter saving is slow. You will be told the outcome.";
const CONTENDED = "The profile kept changing while saving; nothing was saved; try again.";

/**
 * Every tool change goes through the service as the agent, under one change id per tool call (the
 * service's default), so retries inside the store budget never write twice; refusals become
 * errors the model can act on.
 */
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
    if (error instanceof ProfileUnavailableError) throw new llm.ToolError(CANNOT_READ);
    throw asToolError(error);
  }
}

function asToolError(error: unknown): unknown {
  if (error instanceof ChangeError) return new llm.ToolError(error.message);
  if (error instanceof ProfileUnavailableError) return new llm.ToolError(UNREACHABLE);
  if (error instanceof ChangeOutcomeUnknownError) return new llm.ToolError(UNKNOWN);
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
