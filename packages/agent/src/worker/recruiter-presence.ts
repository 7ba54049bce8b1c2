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

/**
 * How long a chat line or RPC from a participant the agent does not know yet waits for that
 * participant's join: LiveKit forwards a new tab's data at once, while its join can reach the
 * agent over a second later (measured 1.3 s on the live stack), and the widget may send as soon
 * as it is connected.
 */
export const RECRUITER_ARRIVAL_MS = 5_000;

export interface RecruiterCheck {
  /**
   * Whether `identity` is this session's recruiter: at once for a participant the agent knows,
   * as a promise for an unknown one (settled when it joins, or false after the wait).
   */
  isRecruiter(identity: string): boolean | Promise<boolean>;
  /** Tell the check a participant joined (wakes whoever waits for it). */
  joined(identity: string): void;
}

export function createRecruiterCheck(
  room: Participants,
  sessionId: string,
  waitMs = RECRUITER_ARRIVAL_MS,
): RecruiterCheck {
  const waiting = new Map<string, Set<() => void>>();
  const arrival = (identity: string) =>
    new Promise<void>((resolve) => {
      const wakers = waiting.get(identity) ?? new Set();
      waiting.set(identity, wakers);
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        if (wakers.size === 0) waiting.delete(identity);
        resolve();
      };
      const timer = setTimeout(wake, waitMs);
      wakers.add(wake);
    });
  return {
    isRecruiter(identity) {
      if (room.remoteParticipants.has(identity)) return isRecruiterIn(room, sessionId, identity);
      return arrival(identity).then(() => isRecruiterIn(room, sessionId, identity));
    },
    joined(identity) {
      for (const wake of [...(waiting.get(identity) ?? [])]) wake();
    },
  };
}
