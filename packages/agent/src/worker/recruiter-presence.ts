import { ParticipantKind, type RemoteParticipant } from "@livekit/rtc-node";

/** The attribute the session service puts in recruiter tokens. */
export const ROLE_ATTRIBUTE = "voice-onboarding.role";

type Participants = {
  remoteParticipants: ReadonlyMap<string, Pick<RemoteParticipant, "identity" | "kind" | "attributes">>;
};

/** The recruiter is a standard participant whose token says so; agents and others are not. */
export function isRecruiterParticipant(participant: Pick<RemoteParticipant, "kind" | "attributes">): boolean {
  return (
    participant.kind === ParticipantKind.STANDARD && participant.attributes[ROLE_ATTRIBUTE] === "recruiter"
  );
}

export function isRecruiterIn(room: Participants, identity: string): boolean {
  const participant = room.remoteParticipants.get(identity);
  return participant !== undefined && isRecruiterParticipant(participant);
}

/** The recruiter currently in the room, if any (a reconnect may bring a new identity). */
export function currentRecruiter(room: Participants): string | undefined {
  for (const participant of room.remoteParticipants.values()) {
    if (isRecruiterParticipant(participant)) return participant.identity;
  }
  return undefined;
}
