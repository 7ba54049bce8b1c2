import {
  applyMessage,
  foldMessages,
  type JobProfile,
  type MessageSource,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";
import type { ProfileStore } from "../../src/store/index.js";

type Envelope = Pick<ProtocolMessage, "v" | "sessionId" | "seq" | "at" | "source">;
type Change = (profile: JobProfile, envelope: Envelope) => ProtocolMessage;

let sessions = 0;

/** A session id unique across test runs sharing one database (at most 64 characters). */
export function newSessionId(label: string): string {
  sessions += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${sessions}`;
}

/** A freshly created intake: company intel from web research, little else yet. */
export function newProfile(sessionId: string): JobProfile {
  return {
    sessionId,
    recruiter: { firstName: "Maya", lastName: "Okafor", email: "maya.okafor@lumen.example" },
    company: {
      name: "Lumen Labs",
      tagline: "Observability for energy grids",
      fundingStage: "series_b",
      totalRaised: "$48M",
      investors: ["Northzone", "Point Nine"],
      productDescription: "Real-time telemetry and anomaly detection for grid operators.",
      teamSize: "85",
      headquarters: "Berlin, Germany",
      officeLocations: ["Berlin", "Lisbon"],
      techStackHints: ["TypeScript", "Rust", "PostgreSQL", "Kafka"],
      cultureKeywords: ["ownership", "calm urgency"],
      sellingPoints: ["Climate impact", "Senior peers"],
    },
    requirements: { jobTitle: "Senior Backend Engineer" },
    traits: [],
    stages: [],
    nuances: [],
    confirmedFields: [],
    status: "in_progress",
    version: 0,
  };
}

export function envelope(profile: JobProfile, source: MessageSource = "agent"): Envelope {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version + 1,
    at: new Date().toISOString(),
    source,
  };
}

export function snapshotOf(profile: JobProfile): ProtocolMessage {
  return { ...envelope(profile), seq: profile.version, type: "profile.snapshot", data: { profile } };
}

/** The profile `message` produces, through the protocol's reducer; throws unless it applies. */
export function apply(profile: JobProfile, message: ProtocolMessage): JobProfile {
  const result = applyMessage(profile, message);
  if (result.status !== "applied" || !result.profile) {
    throw new Error(`${message.type} did not apply: ${JSON.stringify(result)}`);
  }
  return result.profile;
}

/** Every kind of change, in the order an intake call might make them. */
export const INTAKE: readonly Change[] = [
  (_, e) => ({
    ...e,
    type: "requirements.updated",
    data: {
      requirements: {
        jobTitle: "Senior Backend Engineer",
        workplaceType: "hybrid",
        locationCity: "Berlin",
        onsiteDaysPerWeek: 2,
        visaSponsorship: true,
        experienceMinYears: 5,
        experienceMaxYears: 10,
        compensation: { min: 95_000, max: 125_000, currency: "EUR", interval: "year" },
        equityOffered: true,
        equityRange: "0.05%–0.1%",
      },
    },
  }),
  (_, e) => ({ ...e, type: "trait.created", data: { trait: trait("t-systems", "Distributed systems") } }),
  (_, e) => ({ ...e, type: "trait.created", data: { trait: trait("t-mentor", "Mentoring") } }),
  (_, e) => ({ ...e, type: "stage.created", data: { stage: stage("s-screen", "Recruiter screen", 1) } }),
  (_, e) => ({ ...e, type: "stage.created", data: { stage: stage("s-system", "System design", 2) } }),
  (_, e) => ({ ...e, type: "stage.created", data: { stage: stage("s-intro", "Intro call", 1) } }),
  (_, e) => ({ ...e, type: "stages.reordered", data: { stageIds: ["s-screen", "s-intro", "s-system"] } }),
  (_, e) => ({ ...e, type: "stage.deleted", data: { stageId: "s-intro" } }),
  (_, e) => ({
    ...e,
    source: "recruiter",
    type: "trait.updated",
    data: { trait: { ...trait("t-systems", "Distributed systems at scale"), priority: "must_have" } },
  }),
  (_, e) => ({ ...e, type: "trait.deleted", data: { traitId: "t-mentor" } }),
  (_, e) => ({ ...e, type: "nuance.captured", data: { nuance: nuance("n-pace", 0) } }),
  (_, e) => ({ ...e, type: "field.confirmed", data: { field: "compensation" } }),
  (p, e) => ({ ...e, type: "company.updated", data: { company: { ...p.company, name: "Lumen Labs GmbH" } } }),
  (_, e) => ({ ...e, type: "onboarding.completed", data: {} }),
];

/** A change that keeps the profile's size steady, for long runs: the nth of a repeating cycle. */
export function steadyChange(profile: JobProfile, n: number): ProtocolMessage {
  const e = envelope(profile, n % 5 === 0 ? "recruiter" : "agent");
  const base = profile.requirements.compensation?.min ?? 90_000;
  switch (n % 3) {
    case 0:
      return {
        ...e,
        type: "requirements.updated",
        data: {
          requirements: {
            ...profile.requirements,
            compensation: {
              min: base + (n % 7) * 1000,
              max: base + 40_000,
              currency: "EUR",
              interval: "year",
            },
          },
        },
      };
    case 1:
      return profile.nuances.length < 20
        ? { ...e, type: "nuance.captured", data: { nuance: nuance(`n-${n}`, n) } }
        : { ...e, type: "nuance.deleted", data: { nuanceId: profile.nuances[0]?.id ?? "" } };
    default:
      return { ...e, type: "field.confirmed", data: { field: "job_title" } };
  }
}

export function nuanceMessage(profile: JobProfile, id: string): ProtocolMessage {
  return { ...envelope(profile), type: "nuance.captured", data: { nuance: nuance(id, profile.version) } };
}

/**
 * What the profile service does: load, apply, commit at the loaded version, and on a
 * conflict start again from the fresh state. Resolves with the number of attempts.
 */
export async function commitWithRetry(
  store: ProfileStore,
  sessionId: string,
  change: (profile: JobProfile) => ProtocolMessage,
  maxAttempts = 500,
): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const current = await store.load(sessionId);
    if (!current) throw new Error(`session ${sessionId} vanished`);
    const message = change(current);
    const result = await store.commit(sessionId, current.version, apply(current, message), message);
    if (result.ok) return attempt;
    if (result.reason !== "conflict") throw new Error(`commit failed: ${result.reason}`);
  }
  throw new Error(`gave up after ${maxAttempts} conflicting attempts`);
}

/**
 * Acknowledged commits the store does not show, summed over sessions (each maps to how many
 * commits were acknowledged for it). A session whose log is not 0..n or does not fold to the
 * stored profile counts one more.
 */
export async function lostUpdates(store: ProfileStore, acknowledged: Map<string, number>): Promise<number> {
  let lost = 0;
  for (const [sessionId, count] of acknowledged) {
    const stored = await store.load(sessionId);
    const log = await store.messages(sessionId);
    lost += Math.max(0, count - Math.min(stored?.version ?? 0, log.length - 1));
    const contiguous = log.every((message, i) => message.seq === i);
    if (!contiguous || JSON.stringify(foldMessages(null, log).profile) !== JSON.stringify(stored)) lost += 1;
  }
  return lost;
}

function trait(id: string, name: string) {
  return {
    id,
    name,
    description: `${name}: has shipped and operated it in production.`,
    priority: "nice_to_have" as const,
    signals: ["Talks about trade-offs unprompted", "Owned an on-call rotation"],
  };
}

function stage(id: string, name: string, order: number) {
  return {
    id,
    name,
    description: `${name} with the hiring team.`,
    order,
    durationMinutes: 45,
    interviewerRole: "Engineering manager",
    actions: ["Send prep notes", "Collect written feedback"],
  };
}

function nuance(id: string, n: number) {
  return {
    id,
    category: "culture_fit" as const,
    insight: `Team prefers engineers who write things down (#${n}).`,
    verbatimQuote: "We argue in docs, not in meetings.",
  };
}

/** Commits every change of INTAKE to a stored profile; resolves with the completed profile. */
export async function commitIntake(store: ProfileStore, start: JobProfile): Promise<JobProfile> {
  let profile = start;
  for (const change of INTAKE) {
    const message = change(profile, envelope(profile));
    const next = apply(profile, message);
    const result = await store.commit(profile.sessionId, profile.version, next, message);
    if (!result.ok) throw new Error(`intake commit failed: ${JSON.stringify(result)}`);
    profile = next;
  }
  return profile;
}
