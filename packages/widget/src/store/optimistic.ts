import { applyChange, type EditCommand, type JobProfile, planEdit } from "@voice-onboarding/protocol";
import type { EditDraft } from "./types.js";

/** The item ids (or field names) an edit touches, so cards can mark them pending or rejected. */
export function touchedIds(draft: EditDraft): string[] {
  switch (draft.type) {
    case "requirements.update":
      return Object.keys(draft.data.requirements);
    case "company.update":
      return ["company"];
    case "trait.add":
      return [draft.data.trait.id];
    case "trait.update":
    case "trait.delete":
      return [draft.data.traitId];
    case "stage.add":
      return [draft.data.stage.id];
    case "stage.update":
    case "stage.delete":
      return [draft.data.stageId];
    case "stages.reorder":
      return draft.data.stageIds;
    case "nuance.add":
      return [draft.data.nuance.id];
    case "nuance.update":
    case "nuance.delete":
      return [draft.data.nuanceId];
    case "field.confirm":
      return [draft.data.field];
  }
}

/**
 * Shows a recruiter's edit before the agent confirms it, with the protocol's edit semantics (the
 * agent commits the same change). An edit the agent would refuse shows nothing; the agent's own
 * message (folded by the protocol reducer) replaces this view once it arrives.
 */
export function applyEditOptimistically(profile: JobProfile, command: EditCommand): JobProfile {
  const plan = planEdit(profile, command);
  if (!plan.ok || plan.change === null) return profile;
  const next = applyChange(profile, plan.change);
  return typeof next === "string" ? profile : next;
}
