import { completion, type JobProfile, missingFields, type RequiredField } from "@voice-onboarding/protocol";
import { buildOpeningHook } from "./opening-hook.js";
import { generateSmartQuestions, type SmartQuestion } from "./smart-questions.js";

export interface AgentContext {
  profile: JobProfile;
  missingFields: RequiredField[];
  completion: number;
  smartQuestions: SmartQuestion[];
  openingHook: string;
}

/** Everything the prompt and the first greeting derive from the current profile. */
export function buildAgentContext(profile: JobProfile): AgentContext {
  const missing = missingFields(profile);
  return {
    profile,
    missingFields: missing,
    completion: completion(profile),
    smartQuestions: generateSmartQuestions(profile.company, missing),
    openingHook: buildOpeningHook(profile),
  };
}
