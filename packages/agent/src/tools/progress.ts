import { llm } from "@livekit/agents";
import { completion, isFieldFilled, missingFields, RequiredField } from "@voice-onboarding/protocol";
import { z } from "zod";
import { ChangeError } from "../service/index.js";
import { described, parseArgs } from "./args.js";
import { FIELD_SOURCES } from "./field-sources.js";
import { readProfile, runChange, stillNeeded, type ToolDeps } from "./run.js";

const markFieldParameters = z.object({
  field_name: described(RequiredField, "The required field the recruiter explicitly confirmed"),
});

export function progressTools(deps: ToolDeps) {
  return {
    mark_field_complete: llm.tool({
      description: "Mark a required field as confirmed, after the recruiter explicitly confirms it.",
      parameters: markFieldParameters,
      execute: async (raw) => {
        const { field_name: field } = parseArgs(markFieldParameters, raw);
        const change = await runChange(deps, (profile) => {
          if (!isFieldFilled(profile, field)) {
            return new ChangeError(`${field} has no value yet; set it first with ${FIELD_SOURCES[field]}.`);
          }
          if (profile.confirmedFields.includes(field)) return null;
          return { type: "field.confirmed", data: { field } };
        });
        const already = change.message === null ? " (it already was)" : "";
        return `Confirmed ${field}${already}. ${stillNeeded(change.profile)}`;
      },
    }),

    get_profile_status: llm.tool({
      description: "Get the profile's completion: percentage, missing fields, confirmed fields and counts.",
      execute: async () => {
        const profile = await readProfile(deps);
        const missing = missingFields(profile);
        return [
          `Profile ${completion(profile)}% complete (status ${profile.status}).`,
          `Missing: ${missing.length > 0 ? missing.join(", ") : "nothing"}.`,
          `Confirmed: ${profile.confirmedFields.length > 0 ? profile.confirmedFields.join(", ") : "none"}.`,
          `${profile.traits.length} traits, ${profile.stages.length} interview stages, ${profile.nuances.length} insights.`,
        ].join(" ");
      },
    }),

    complete_onboarding: llm.tool({
      description:
        "Mark onboarding complete. Only after every required field is filled and the recruiter confirmed the summary.",
      execute: async () => {
        const change = await runChange(deps, (profile) => {
          const missing = missingFields(profile);
          if (missing.length > 0) {
            const how = missing.map((field) => `${field} via ${FIELD_SOURCES[field]}`).join("; ");
            return new ChangeError(
              `Cannot complete yet; still missing: ${missing.join(", ")}. Fill them: ${how}.`,
            );
          }
          return profile.status === "completed" ? null : { type: "onboarding.completed", data: {} };
        });
        return change.message === null
          ? "Onboarding was already complete."
          : "Onboarding complete. The profile is ready.";
      },
    }),
  };
}
