import fc from "fast-check";
import {
  applyMessage,
  type JobProfile,
  type MessageData,
  type MessageType,
  PROTOCOL_VERSION,
  type ProtocolMessage,
  REQUIRED_FIELDS,
} from "../../src/index.js";
import { companyArb, nuanceArb, requirementsArb, stageArb, traitArb } from "./domain-arbitraries.js";

/** One change a sender (the agent) decides on, resolved against its current state when emitted. */
type Intent = { type: Exclude<MessageType, "profile.snapshot">; pick: number; payload: unknown };

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  companyArb.map((company) => ({ type: "company.updated" as const, pick: 0, payload: company })),
  requirementsArb.map((requirements) => ({
    type: "requirements.updated" as const,
    pick: 0,
    payload: requirements,
  })),
  traitArb.map((trait) => ({ type: "trait.created" as const, pick: 0, payload: trait })),
  fc
    .tuple(fc.nat(), traitArb)
    .map(([pick, trait]) => ({ type: "trait.updated" as const, pick, payload: trait })),
  fc.nat().map((pick) => ({ type: "trait.deleted" as const, pick, payload: null })),
  fc
    .tuple(fc.nat(), stageArb(1))
    .map(([pick, stage]) => ({ type: "stage.created" as const, pick, payload: stage })),
  fc
    .tuple(fc.nat(), stageArb(1))
    .map(([pick, stage]) => ({ type: "stage.updated" as const, pick, payload: stage })),
  fc.nat().map((pick) => ({ type: "stage.deleted" as const, pick, payload: null })),
  fc.nat().map((pick) => ({ type: "stages.reordered" as const, pick, payload: null })),
  nuanceArb.map((nuance) => ({ type: "nuance.captured" as const, pick: 0, payload: nuance })),
  fc
    .tuple(fc.nat(), nuanceArb)
    .map(([pick, nuance]) => ({ type: "nuance.updated" as const, pick, payload: nuance })),
  fc.nat().map((pick) => ({ type: "nuance.deleted" as const, pick, payload: null })),
  fc
    .constantFrom(...REQUIRED_FIELDS)
    .map((field) => ({ type: "field.confirmed" as const, pick: 0, payload: field })),
  fc.constant({ type: "onboarding.completed" as const, pick: 0, payload: null }),
);

function dataFor(profile: JobProfile, { type, pick, payload }: Intent): MessageData<Intent["type"]> | null {
  const nth = <Item>(items: readonly Item[]) => (items.length === 0 ? undefined : items[pick % items.length]);
  const trait = nth(profile.traits);
  const stage = nth(profile.stages);
  switch (type) {
    case "company.updated":
    case "requirements.updated":
      return { [type === "company.updated" ? "company" : "requirements"]: payload } as MessageData<
        typeof type
      >;
    case "trait.created":
      return { trait: payload as JobProfile["traits"][number] };
    case "trait.updated":
      return trait ? { trait: { ...(payload as typeof trait), id: trait.id } } : null;
    case "trait.deleted":
      return trait ? { traitId: trait.id } : null;
    case "stage.created":
      return {
        stage: {
          ...(payload as JobProfile["stages"][number]),
          order: (pick % (profile.stages.length + 1)) + 1,
        },
      };
    case "stage.updated":
      return stage
        ? { stage: { ...(payload as typeof stage), id: stage.id, order: (pick % profile.stages.length) + 1 } }
        : null;
    case "stage.deleted":
      return stage ? { stageId: stage.id } : null;
    case "stages.reordered":
      return {
        stageIds: rotate(
          profile.stages.map((s) => s.id),
          pick,
        ),
      };
    case "nuance.captured":
      return { nuance: payload as JobProfile["nuances"][number] };
    case "nuance.updated": {
      const nuance = nth(profile.nuances);
      return nuance ? { nuance: { ...(payload as typeof nuance), id: nuance.id } } : null;
    }
    case "nuance.deleted": {
      const nuance = nth(profile.nuances);
      return nuance ? { nuanceId: nuance.id } : null;
    }
    case "field.confirmed":
      return { field: payload as (typeof REQUIRED_FIELDS)[number] };
    case "onboarding.completed":
      return {};
  }
}

function rotate<Item>(items: Item[], by: number): Item[] {
  if (items.length === 0) return items;
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)].reverse();
}

export interface SenderRun {
  initial: JobProfile;
  messages: ProtocolMessage[];
  /** `states[i]` is the sender's profile after `messages[i]`. */
  states: JobProfile[];
}

/** Plays intents the way the agent does: each change is computed with `applyMessage` before it is sent. */
export function runSender(initial: JobProfile, intents: Intent[]): SenderRun {
  const messages: ProtocolMessage[] = [];
  const states: JobProfile[] = [];
  let profile = initial;
  for (const intent of intents) {
    const data = dataFor(profile, intent);
    if (data === null) continue;
    const message = {
      v: PROTOCOL_VERSION,
      sessionId: profile.sessionId,
      seq: profile.version + 1,
      at: "2026-01-01T00:00:00.000Z",
      source: "agent",
      type: intent.type,
      data,
    } as ProtocolMessage;
    const result = applyMessage(profile, message);
    if (result.status !== "applied") continue; // e.g. a duplicate id the sender would never emit
    profile = result.profile;
    messages.push(message);
    states.push(profile);
  }
  return { initial, messages, states };
}

export const intentsArb = fc.array(intentArb, { minLength: 1, maxLength: 30 });
