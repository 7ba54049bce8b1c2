import {
  type JobProfile,
  type MessageData,
  type MessageOf,
  type MessageType,
  PROTOCOL_VERSION,
  type TurnLatency,
} from "@voice-onboarding/protocol";

export const SESSION_ID = "session-1";

export function baseProfile(overrides: Partial<JobProfile> = {}): JobProfile {
  return {
    sessionId: SESSION_ID,
    recruiter: { firstName: "Maya" },
    requirements: { jobTitle: "Staff Engineer" },
    traits: [],
    stages: [],
    nuances: [],
    confirmedFields: [],
    status: "in_progress",
    version: 1,
    ...overrides,
  };
}

export function message<Type extends MessageType>(
  type: Type,
  seq: number,
  data: MessageData<Type>,
  sessionId = SESSION_ID,
): MessageOf<Type> {
  return {
    v: PROTOCOL_VERSION,
    sessionId,
    seq,
    at: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    source: "agent",
    type,
    data,
  } as MessageOf<Type>;
}

export function snapshot(profile: JobProfile = baseProfile()) {
  return message("profile.snapshot", profile.version, { profile }, profile.sessionId);
}

export function trait(id: string, name: string) {
  return { id, name, description: `${name} at scale`, priority: "must_have" as const, signals: [] };
}

export function stage(id: string, name: string, order: number) {
  return { id, name, description: `${name} interview`, order, actions: [] };
}

export function traitCreated(seq: number, id: string, name: string) {
  return message("trait.created", seq, { trait: trait(id, name) });
}

/** One voice turn's latency, as the agent announces it. */
export const TURN: TurnLatency = {
  speechId: "speech-1",
  endOfUtteranceDelayMs: 610,
  llmTtftMs: 320,
  ttsTtfbMs: 260,
  endToEndMs: 1190,
};
