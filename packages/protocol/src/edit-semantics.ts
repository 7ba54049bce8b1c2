import type { EditCommand, EditCommandOf } from "./edits.js";
import { isFieldFilled } from "./fields.js";
import { nameClash } from "./names.js";
import type { ProfileChange } from "./reducer.js";
import { normalizeRequirements } from "./requirements-rules.js";
import type { CompanyIntel, JobProfile, Requirements } from "./schemas/index.js";
import { MAX_NUANCES, MAX_STAGES, MAX_TRAITS } from "./vocabulary.js";

/** What a recruiter's edit does to a profile: the change to make (`null`: nothing to do), or why not. */
export type EditPlan =
  | { ok: true; change: ProfileChange | null }
  | { ok: false; code: "invalid_command" | "not_found"; message: string };

class Refusal {
  constructor(
    readonly code: "invalid_command" | "not_found",
    readonly message: string,
  ) {}
}

function find<Item extends { id: string }>(items: readonly Item[], id: string, what: string): Item {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Refusal("not_found", `${what} ${id} no longer exists`);
  return item;
}

function assertNameFree(
  items: readonly { id: string; name: string }[],
  name: string,
  id: string,
  kind: string,
) {
  const clash = nameClash(items, name, id, kind);
  if (clash) throw new Refusal("invalid_command", clash);
}

/** A new item's id is free and the list has room for it. */
function assertAddable(items: readonly { id: string }[], id: string, max: number, kind: string) {
  if (items.length >= max) {
    throw new Refusal(
      "invalid_command",
      `a profile holds at most ${max} ${kind}s; delete one before adding another`,
    );
  }
  if (items.some((item) => item.id === id)) {
    throw new Refusal("invalid_command", `${kind} ${id} already exists; add it under a new id`);
  }
}

/** `null` in a patch clears the field; `undefined` leaves it. */
function patched<Target extends object>(target: Target, patch: object): Target {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Target;
}

function changeFor(profile: JobProfile, command: EditCommand): ProfileChange | null {
  switch (command.type) {
    case "requirements.update": {
      const merged = patched<Requirements>(profile.requirements, command.data.requirements);
      return { type: "requirements.updated", data: { requirements: normalizeRequirements(merged) } };
    }
    case "company.update": {
      const company = patched<Partial<CompanyIntel>>(profile.company ?? {}, command.data.company);
      if (!company.name) {
        throw new Refusal("invalid_command", "the company card needs a name; include one in this change");
      }
      return { type: "company.updated", data: { company: company as CompanyIntel } };
    }
    case "trait.add": {
      const { trait } = command.data;
      assertAddable(profile.traits, trait.id, MAX_TRAITS, "trait");
      assertNameFree(profile.traits, trait.name, trait.id, "trait");
      return { type: "trait.created", data: { trait } };
    }
    case "trait.update": {
      const { traitId, ...changes } = command.data;
      const trait = find(profile.traits, traitId, "trait");
      if (changes.name) assertNameFree(profile.traits, changes.name, traitId, "trait");
      return { type: "trait.updated", data: { trait: patched(trait, changes) } };
    }
    case "trait.delete":
      find(profile.traits, command.data.traitId, "trait");
      return { type: "trait.deleted", data: { traitId: command.data.traitId } };
    case "stage.update": {
      const { stageId, ...changes } = command.data;
      const stage = find(profile.stages, stageId, "stage");
      if (changes.name) assertNameFree(profile.stages, changes.name, stageId, "interview stage");
      return { type: "stage.updated", data: { stage: patched(stage, changes) } };
    }
    case "stage.add": {
      const { stage } = command.data;
      assertAddable(profile.stages, stage.id, MAX_STAGES, "interview stage");
      assertNameFree(profile.stages, stage.name, stage.id, "interview stage");
      // An order past the end appends: the widget may count stages the agent has just removed.
      const order = Math.min(stage.order, profile.stages.length + 1);
      return { type: "stage.created", data: { stage: { ...stage, order } } };
    }
    case "stage.delete":
      find(profile.stages, command.data.stageId, "stage");
      return { type: "stage.deleted", data: { stageId: command.data.stageId } };
    case "stages.reorder":
      return reorder(profile, command);
    case "nuance.add":
      assertAddable(profile.nuances, command.data.nuance.id, MAX_NUANCES, "nuance");
      return { type: "nuance.captured", data: { nuance: command.data.nuance } };
    case "nuance.update": {
      const { nuanceId, ...changes } = command.data;
      const nuance = find(profile.nuances, nuanceId, "nuance");
      return { type: "nuance.updated", data: { nuance: patched(nuance, changes) } };
    }
    case "nuance.delete":
      find(profile.nuances, command.data.nuanceId, "nuance");
      return { type: "nuance.deleted", data: { nuanceId: command.data.nuanceId } };
    case "field.confirm":
      if (!isFieldFilled(profile, command.data.field)) {
        throw new Refusal(
          "invalid_command",
          `${command.data.field} has no value yet; fill it in before confirming it`,
        );
      }
      return profile.confirmedFields.includes(command.data.field)
        ? null
        : { type: "field.confirmed", data: { field: command.data.field } };
  }
}

function reorder(profile: JobProfile, command: EditCommandOf<"stages.reorder">): ProfileChange {
  const current = new Set(profile.stages.map((stage) => stage.id));
  const { stageIds } = command.data;
  if (
    stageIds.length !== current.size ||
    new Set(stageIds).size !== current.size ||
    !stageIds.every((id) => current.has(id))
  ) {
    throw new Refusal(
      "invalid_command",
      "a reorder must list every current interview stage exactly once; refresh and try again",
    );
  }
  return { type: "stages.reordered", data: { stageIds } };
}

/**
 * The one implementation of edit semantics: the agent commits the change it returns, the widget
 * previews it optimistically (through `applyChange`), and the reducer applies the published result.
 */
export function planEdit(profile: JobProfile, command: EditCommand): EditPlan {
  try {
    return { ok: true, change: changeFor(profile, command) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
