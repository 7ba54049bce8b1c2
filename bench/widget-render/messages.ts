/** Profiles and a deterministic mix of agent messages for the render benchmark page. */
import {
  applyMessage,
  type JobProfile,
  type MessageOf,
  type MessageType,
  NUANCE_CATEGORIES,
  PROTOCOL_VERSION,
  type ProtocolMessage,
  REQUIRED_FIELDS,
} from "@voice-onboarding/protocol";
import { sampleProfile } from "../../packages/widget/src/cards/fixtures.js";

export interface ProfileSize {
  traits: number;
  stages: number;
  nuances: number;
}

const SESSION = "bench-render";
const WORDS = "Designs, builds and operates resilient services with clear ownership and care for users.";

export function benchProfile({ traits, stages, nuances }: ProfileSize): JobProfile {
  return {
    ...sampleProfile,
    sessionId: SESSION,
    traits: Array.from({ length: traits }, (_, i) => ({
      id: `trait-${i}`,
      name: `Trait ${i}`,
      description: WORDS,
      priority: i % 3 === 0 ? "nice_to_have" : "must_have",
      signals: ["Led a migration", "Owns on-call"],
    })),
    stages: Array.from({ length: stages }, (_, i) => ({
      id: `stage-${i}`,
      name: `Stage ${i + 1}`,
      description: WORDS,
      order: i + 1,
      durationMinutes: 45,
      actions: ["Send the brief"],
    })),
    nuances: Array.from({ length: nuances }, (_, i) => ({
      id: `nuance-${i}`,
      category: NUANCE_CATEGORIES[i % NUANCE_CATEGORIES.length] ?? "other",
      insight: `Insight ${i}: ${WORDS}`,
    })),
    confirmedFields: [],
    status: "in_progress",
    version: 1,
  };
}

export function snapshotMessage(profile: JobProfile): ProtocolMessage {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: new Date(0).toISOString(),
    source: "agent",
    type: "profile.snapshot",
    data: { profile },
  };
}

/** Mulberry32: the same sequence on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights of the mix: mostly item updates, as in a real intake. */
const MIX: [MessageType, number][] = [
  ["trait.updated", 25],
  ["trait.created", 10],
  ["trait.deleted", 5],
  ["nuance.captured", 15],
  ["stage.updated", 15],
  ["stages.reordered", 5],
  ["requirements.updated", 10],
  ["company.updated", 5],
  ["field.confirmed", 10],
];

type Body = Pick<MessageOf<MessageType>, "type" | "data">;

/** `count` change messages in sequence after `start`; each applies cleanly to the one before. */
export function messageMix(start: JobProfile, count: number, seed = 7): ProtocolMessage[] {
  const next = random(seed);
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const messages: ProtocolMessage[] = [];
  let profile = start;
  let created = 0;
  while (messages.length < count) {
    const roll = next() * total;
    let below = 0;
    const type =
      MIX.find(([, weight]) => {
        below += weight;
        return roll < below;
      })?.[0] ?? "trait.updated";
    created += 1;
    const body = bodyOf(type, profile, pick, created);
    if (body === null) continue;
    const message = {
      v: PROTOCOL_VERSION,
      sessionId: profile.sessionId,
      seq: profile.version + 1,
      at: new Date(0).toISOString(),
      source: "agent",
      ...body,
    } as ProtocolMessage;
    const result = applyMessage(profile, message);
    if (result.status !== "applied") throw new Error(`generated ${type} did not apply: ${result.status}`);
    profile = result.profile;
    messages.push(message);
  }
  return messages;
}

function bodyOf(
  type: MessageType,
  profile: JobProfile,
  pick: <T>(items: readonly T[]) => T,
  serial: number,
): Body | null {
  switch (type) {
    case "trait.updated": {
      const trait = pick(profile.traits);
      return trait ? { type, data: { trait: { ...trait, description: `${WORDS} (rev ${serial})` } } } : null;
    }
    case "trait.created":
      return {
        type,
        data: {
          trait: {
            id: `trait-new-${serial}`,
            name: `New trait ${serial}`,
            description: WORDS,
            priority: "must_have",
            signals: ["Mentioned on the call"],
          },
        },
      };
    case "trait.deleted": {
      const trait = pick(profile.traits);
      return trait ? { type, data: { traitId: trait.id } } : null;
    }
    case "nuance.captured":
      return {
        type,
        data: {
          nuance: {
            id: `nuance-new-${serial}`,
            category: "hidden_pref",
            insight: `Captured ${serial}: ${WORDS}`,
          },
        },
      };
    case "stage.updated": {
      const stage = pick(profile.stages);
      return stage ? { type, data: { stage: { ...stage, durationMinutes: 30 + (serial % 60) } } } : null;
    }
    case "stages.reordered": {
      const ids = profile.stages.map((stage) => stage.id);
      const [first, second, ...rest] = ids;
      return first && second ? { type, data: { stageIds: [second, first, ...rest] } } : null;
    }
    case "requirements.updated":
      return {
        type,
        data: { requirements: { ...profile.requirements, experienceMinYears: serial % 12 } },
      };
    case "company.updated":
      return profile.company
        ? {
            type,
            data: { company: { ...profile.company, tagline: `Payments for the long tail, v${serial}` } },
          }
        : null;
    case "field.confirmed": {
      const open = REQUIRED_FIELDS.filter((field) => !profile.confirmedFields.includes(field));
      return open.length > 0 ? { type, data: { field: pick(open) } } : null;
    }
    default:
      return null;
  }
}

/** The card a message is about. */
export function cardOf(type: MessageType): string {
  if (type.startsWith("trait.")) return "traits";
  if (type.startsWith("stage")) return "stages";
  if (type.startsWith("nuance.")) return "nuances";
  if (type === "company.updated") return "company";
  if (type === "onboarding.completed") return "completion";
  return "requirements";
}
