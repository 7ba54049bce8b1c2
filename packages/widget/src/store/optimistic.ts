import type { EditCommand, InterviewStage, JobProfile, Requirements } from "@voice-onboarding/protocol";
import type { EditDraft } from "./types.js";

/** The item ids (or field names) an edit touches, so cards can mark them pending or rejected. */
export function touchedIds(draft: EditDraft): string[] {
  switch (draft.type) {
    case "requirements.update":
      return Object.keys(draft.data.requirements);
    case "trait.update":
    case "trait.delete":
      return [draft.data.traitId];
    case "stage.update":
    case "stage.delete":
      return [draft.data.stageId];
    case "stages.reorder":
      return draft.data.stageIds;
    case "nuance.delete":
      return [draft.data.nuanceId];
    case "field.confirm":
      return [draft.data.field];
  }
}

/** `null` in a patch clears the field; `undefined` leaves it. */
function patched<Target extends object>(target: Target, patch: Record<string, unknown>): Target {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Target;
}

function renumbered(stages: InterviewStage[]): InterviewStage[] {
  return stages.map((stage, index) => (stage.order === index + 1 ? stage : { ...stage, order: index + 1 }));
}

/**
 * Shows a recruiter's edit before the agent confirms it. Best effort: the agent's own message
 * (folded by the protocol reducer) replaces this view once it arrives.
 */
export function applyEditOptimistically(profile: JobProfile, command: EditCommand): JobProfile {
  switch (command.type) {
    case "requirements.update":
      return {
        ...profile,
        requirements: patched<Requirements>(profile.requirements, command.data.requirements),
      };
    case "trait.update": {
      const { traitId, ...changes } = command.data;
      const traits = profile.traits.map((trait) => (trait.id === traitId ? patched(trait, changes) : trait));
      return { ...profile, traits };
    }
    case "trait.delete":
      return { ...profile, traits: profile.traits.filter((trait) => trait.id !== command.data.traitId) };
    case "stage.update": {
      const { stageId, ...changes } = command.data;
      const stages = profile.stages.map((stage) => (stage.id === stageId ? patched(stage, changes) : stage));
      return { ...profile, stages };
    }
    case "stage.delete":
      return {
        ...profile,
        stages: renumbered(profile.stages.filter((stage) => stage.id !== command.data.stageId)),
      };
    case "stages.reorder": {
      const byId = new Map(profile.stages.map((stage) => [stage.id, stage]));
      const listed = command.data.stageIds.flatMap((id) => byId.get(id) ?? []);
      const unlisted = profile.stages.filter((stage) => !command.data.stageIds.includes(stage.id));
      return { ...profile, stages: renumbered([...listed, ...unlisted]) };
    }
    case "nuance.delete":
      return { ...profile, nuances: profile.nuances.filter((nuance) => nuance.id !== command.data.nuanceId) };
    case "field.confirm":
      return profile.confirmedFields.includes(command.data.field)
        ? profile
        : { ...profile, confirmedFields: [...profile.confirmedFields, command.data.field] };
  }
}
