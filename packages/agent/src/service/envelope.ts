import {
  type JobProfile,
  type MessageData,
  type MessageSource,
  type MessageType,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";

export type ChangeType = Exclude<MessageType, "profile.snapshot">;

/** The type and data of a change message; the service adds the envelope. */
export type ChangeDraft = { [Type in ChangeType]: { type: Type; data: MessageData<Type> } }[ChangeType];

interface Envelope {
  sessionId: string;
  seq: number;
  at: Date;
  source: MessageSource;
}

export function envelop(draft: ChangeDraft, { sessionId, seq, at, source }: Envelope): ProtocolMessage {
  return { v: PROTOCOL_VERSION, sessionId, seq, at: at.toISOString(), source, ...draft } as ProtocolMessage;
}

export function snapshotMessage(profile: JobProfile, at: Date): ProtocolMessage {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: at.toISOString(),
    source: "agent",
    type: "profile.snapshot",
    data: { profile },
  };
}
