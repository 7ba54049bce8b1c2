import {
  type EditCommand,
  type EditCommandOf,
  isFieldFilled,
  type Requirements,
} from "@voice-onboarding/protocol";
import { type ChangeDraft, ChangeError, type ChangePlan } from "../service/index.js";
import { assertNameFree } from "../tools/names.js";

type Entity = { id: string };

function find<Item extends Entity>(items: readonly Item[], id: string, what: string): Item {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new ChangeError(`${what} ${id} no longer exists`, "not_found");
  return item;
}

/** Drops keys whose value is `undefined` (not given) and `null` (clear). */
function withoutNullish<T extends object>(value: T): Partial<{ [Key in keyof T]: Exclude<T[Key], null> }> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined && item !== null),
  ) as never;
}

function mergeRequirements(
  current: Requirements,
  patch: EditCommandOf<"requirements.update">["data"]["requirements"],
) {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Requirements;
}

function draftFor(command: EditCommand, profile: Parameters<ChangePlan>[0]): ChangeDraft | null {
  switch (command.type) {
    case "requirements.update":
      return {
        type: "requirements.updated",
        data: { requirements: mergeRequirements(profile.requirements, command.data.requirements) },
      };
    case "trait.update": {
      const { traitId, ...changes } = command.data;
      const trait = find(profile.traits, traitId, "trait");
      if (changes.name) assertNameFree(profile.traits, changes.name, traitId, "trait");
      return { type: "trait.updated", data: { trait: { ...trait, ...withoutNullish(changes) } } };
    }
    case "trait.delete":
      find(profile.traits, command.data.traitId, "trait");
      return { type: "trait.deleted", data: { traitId: command.data.traitId } };
    case "stage.update": {
      const { stageId, ...changes } = command.data;
      if (changes.name) assertNameFree(profile.stages, changes.name, stageId, "interview stage");
      const stage = { ...find(profile.stages, stageId, "stage"), ...withoutNullish(changes) };
      if (changes.durationMinutes === null) delete stage.durationMinutes;
      if (changes.interviewerRole === null) delete stage.interviewerRole;
      return { type: "stage.updated", data: { stage } };
    }
    case "stage.delete":
      find(profile.stages, command.data.stageId, "stage");
      return { type: "stage.deleted", data: { stageId: command.data.stageId } };
    case "stages.reorder": {
      const current = new Set(profile.stages.map((stage) => stage.id));
      const { stageIds } = command.data;
      if (
        stageIds.length !== current.size ||
        new Set(stageIds).size !== current.size ||
        !stageIds.every((id) => current.has(id))
      ) {
        throw new ChangeError(
          "a reorder must list every current interview stage exactly once; refresh and try again",
        );
      }
      return { type: "stages.reordered", data: { stageIds } };
    }
    case "nuance.delete":
      find(profile.nuances, command.data.nuanceId, "nuance");
      return { type: "nuance.deleted", data: { nuanceId: command.data.nuanceId } };
    case "field.confirm":
      if (!isFieldFilled(profile, command.data.field)) {
        throw new ChangeError(`${command.data.field} has no value yet; fill it in before confirming it`);
      }
      return profile.confirmedFields.includes(command.data.field)
        ? null
        : { type: "field.confirmed", data: { field: command.data.field } };
  }
}

/** A recruiter's edit as a service plan: re-planned on fresh state if another change lands first. */
export function planForEdit(command: EditCommand): ChangePlan {
  return (profile) => {
    try {
      return draftFor(command, profile);
    } catch (error) {
      if (error instanceof ChangeError) return error;
      throw error;
    }
  };
}
