import { ParticipantKind, type RemoteParticipant } from "@livekit/rtc-node";
import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";

/** The attribute the session service puts in recruiter tokens. */
export const ROLE_ATTRIBUTE = PARTICIPANT_ATTRIBUTE.role;

export type RoomParticipant = Pick<RemoteParticipant, "identity" | "kind" | "attributes">;

type Participants = { remoteParticipants: ReadonlyMap<string, RoomParticipant> };

/**
 * A recruiter of this session: a standard participant whose token (issued by our session service)
 * names the recruiter role and this session. Agents, other sessions' tokens and anyone else are not.
 */
export function isRecruiterParticipant(participant: RoomParticipant, sessionId: string): boolean {
  return (
    participant.kind === ParticipantKind.STANDARD &&
    participant.attributes[PARTICIPANT_ATTRIBUTE.role] === "recruiter" &&
    participant.attributes[PARTICIPANT_ATTRIBUTE.sessionId] === sessionId
  );
}

export function isRecruiterIn(room: Participants, sessionId: string, identity: string): boolean {
  const participant = room.remoteParticipants.get(identity);
  return participant !== undefined && isRecruiterParticipant(participant, sessionId);
}

/** Every recruiter in the room (several tabs, or a reload while the old participant lingers), in join order. */
export function recruitersIn(room: Participants, sessionId: string): string[] {
  return [...room.remoteParticipants.values()]
    .filter((participant) => isRecruiterParticipant(participant, sessionId))
    .map((participant) => participant.identity);
}
