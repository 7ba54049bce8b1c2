import { missingFields } from "./fields.js";
import type { MessageOf, MessageType, ProtocolMessage } from "./messages.js";
import { nameClash } from "./names.js";
import type { InterviewStage, JobProfile, Trait } from "./schemas/index.js";

export type ApplyResult =
  /** The message was the next change (or a newer snapshot) and produced `profile`. */
  | { status: "applied"; profile: JobProfile }
  /** Duplicate or older than what we hold: nothing changed, nothing to do. */
  | { status: "stale"; profile: JobProfile | null }
  /** Messages are missing before this one: nothing changed; ask for a snapshot. */
  | { status: "gap"; profile: JobProfile | null; expectedSeq: number | null }
  /** In sequence but inconsistent with the state (wrong session, unknown id): ask for a snapshot. */
  | { status: "rejected"; profile: JobProfile | null; reason: string };

type Change = JobProfile | string;

/** A change without its envelope: what edit plans and tools produce, and what the reducer applies. */
export type ProfileChange = {
  [Type in Exclude<MessageType, "profile.snapshot">]: Pick<MessageOf<Type>, "type" | "data">;
}[Exclude<MessageType, "profile.snapshot">];

/** Pure reducer shared by the agent (to compute every new state) and the widget (to follow it). */
export function applyMessage(profile: JobProfile | null, message: ProtocolMessage): ApplyResult {
  if (message.type === "profile.snapshot") {
    const next = message.data.profile;
    if (next.sessionId !== message.sessionId || next.version !== message.seq) {
      return { status: "rejected", profile, reason: "snapshot envelope does not match its profile" };
    }
    if (profile !== null && profile.sessionId !== message.sessionId) {
      return { status: "rejected", profile, reason: `message for session ${message.sessionId}` };
    }
    if (profile !== null && message.seq <= profile.version) return { status: "stale", profile };
    return { status: "applied", profile: next };
  }
  if (profile === null) return { status: "gap", profile, expectedSeq: null };
  if (message.sessionId !== profile.sessionId) {
    return { status: "rejected", profile, reason: `message for session ${message.sessionId}` };
  }
  if (message.seq <= profile.version) return { status: "stale", profile };
  if (message.seq > profile.version + 1) {
    return { status: "gap", profile, expectedSeq: profile.version + 1 };
  }
  const changed = applyChange(profile, message);
  if (typeof changed === "string") return { status: "rejected", profile, reason: changed };
  const reopened = changed.status === "completed" && missingFields(changed).length > 0;
  return {
    status: "applied",
    profile: { ...changed, version: message.seq, status: reopened ? "in_progress" : changed.status },
  };
}

/**
 * The one implementation of what a change does to a profile (version and status aside): the
 * reducer folds messages with it, the widget previews edits with it. A string says why it does
 * not apply.
 */
export function applyChange(profile: JobProfile, message: ProfileChange): Change {
  switch (message.type) {
    case "company.updated":
      return { ...profile, company: message.data.company };
    case "requirements.updated":
      return { ...profile, requirements: message.data.requirements };
    case "trait.created":
      if (hasId(profile.traits, message.data.trait.id))
        return `trait ${message.data.trait.id} already exists`;
      return (
        nameClash(profile.traits, message.data.trait.name, message.data.trait.id, "trait") ?? {
          ...profile,
          traits: [...profile.traits, message.data.trait],
        }
      );
    case "trait.updated":
      return replaceTrait(profile, message.data.trait);
    case "trait.deleted":
      return removeById(profile, "traits", message.data.traitId);
    case "nuance.captured":
      if (hasId(profile.nuances, message.data.nuance.id))
        return `nuance ${message.data.nuance.id} already exists`;
      return { ...profile, nuances: [...profile.nuances, message.data.nuance] };
    case "nuance.updated": {
      const { nuance } = message.data;
      if (!hasId(profile.nuances, nuance.id)) return `nuance ${nuance.id} does not exist`;
      return {
        ...profile,
        nuances: profile.nuances.map((existing) => (existing.id === nuance.id ? nuance : existing)),
      };
    }
    case "nuance.deleted":
      return removeById(profile, "nuances", message.data.nuanceId);
    case "field.confirmed":
      if (profile.confirmedFields.includes(message.data.field)) return profile;
      return { ...profile, confirmedFields: [...profile.confirmedFields, message.data.field] };
    case "onboarding.completed":
      return { ...profile, status: "completed" };
    default:
      return applyStageChange(profile, message);
  }
}

type StageMessage = Extract<
  ProfileChange,
  { type: "stage.created" | "stage.updated" | "stage.deleted" | "stages.reordered" }
>;

function applyStageChange(profile: JobProfile, message: StageMessage): Change {
  const { stages } = profile;
  switch (message.type) {
    case "stage.created": {
      const { stage } = message.data;
      if (hasId(stages, stage.id)) return `stage ${stage.id} already exists`;
      const clash = nameClash(stages, stage.name, stage.id, "interview stage");
      if (clash) return clash;
      if (stage.order > stages.length + 1)
        return `stage order ${stage.order} leaves a hole after ${stages.length}`;
      return withStages(profile, insertAt(stages, stage));
    }
    case "stage.updated": {
      const { stage } = message.data;
      if (!hasId(stages, stage.id)) return `stage ${stage.id} does not exist`;
      const clash = nameClash(stages, stage.name, stage.id, "interview stage");
      if (clash) return clash;
      if (stage.order > stages.length) return `stage order ${stage.order} is past the last stage`;
      return withStages(profile, insertAt(without(stages, stage.id), stage));
    }
    case "stage.deleted":
      if (!hasId(stages, message.data.stageId)) return `stage ${message.data.stageId} does not exist`;
      return withStages(profile, without(stages, message.data.stageId));
    case "stages.reordered": {
      const { stageIds } = message.data;
      const byId = new Map(stages.map((stage) => [stage.id, stage]));
      const reordered = stageIds.flatMap((id) => byId.get(id) ?? []);
      if (reordered.length !== stages.length || new Set(stageIds).size !== stageIds.length) {
        return "stages.reordered must list every current stage exactly once";
      }
      return withStages(profile, reordered);
    }
  }
}

function hasId(items: readonly { id: string }[], id: string): boolean {
  return items.some((item) => item.id === id);
}

function without<Item extends { id: string }>(items: readonly Item[], id: string): Item[] {
  return items.filter((item) => item.id !== id);
}

function insertAt(stages: readonly InterviewStage[], stage: InterviewStage): InterviewStage[] {
  const next = [...stages];
  next.splice(stage.order - 1, 0, stage);
  return next;
}

/** Stage orders are positions: always 1..n, whatever was inserted, moved or removed. */
function withStages(profile: JobProfile, stages: InterviewStage[]): JobProfile {
  return {
    ...profile,
    stages: stages.map((stage, index) =>
      stage.order === index + 1 ? stage : { ...stage, order: index + 1 },
    ),
  };
}

function replaceTrait(profile: JobProfile, trait: Trait): Change {
  if (!hasId(profile.traits, trait.id)) return `trait ${trait.id} does not exist`;
  const clash = nameClash(profile.traits, trait.name, trait.id, "trait");
  if (clash) return clash;
  return {
    ...profile,
    traits: profile.traits.map((existing) => (existing.id === trait.id ? trait : existing)),
  };
}

function removeById(profile: JobProfile, key: "traits" | "nuances", id: string): Change {
  const items: readonly { id: string }[] = profile[key];
  if (!hasId(items, id)) return `${key.slice(0, -1)} ${id} does not exist`;
  return key === "traits"
    ? { ...profile, traits: without(profile.traits, id) }
    : { ...profile, nuances: without(profile.nuances, id) };
}

/** Folds messages in order; stops at the first one that does not apply. */
export function foldMessages(profile: JobProfile | null, messages: Iterable<ProtocolMessage>): ApplyResult {
  let result: ApplyResult = { status: "stale", profile };
  for (const message of messages) {
    const next = applyMessage(result.profile, message);
    if (next.status === "gap" || next.status === "rejected") return next;
    if (next.status === "applied") result = next;
  }
  return result;
}
