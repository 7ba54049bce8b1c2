import { randomBytes } from "node:crypto";
import { type JobProfile, PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import { AccessToken, RoomAgentDispatch, RoomConfiguration, TrackSource } from "livekit-server-sdk";
import type { ParticipantCredentials } from "./api-schemas.js";

export interface LiveKitCredentials {
  /** wss:// URL browsers connect to. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export interface TokenOptions {
  livekit: LiveKitCredentials;
  /** Name the worker registered with; rooms get it by explicit dispatch. */
  agentName: string;
  ttlSeconds: number;
}

export type { ParticipantCredentials } from "./api-schemas.js";

export const roomNameFor = (sessionId: string) => `voice-onboarding-${sessionId}`;

/** What the agent reads from its dispatch metadata. */
export interface DispatchMetadata {
  sessionId: string;
}

/**
 * A token for the recruiter of one session: its own room, a fresh identity, the microphone, data
 * and subscriptions only (attributes fixed), a short TTL, and the intake agent dispatched with the session id. Nothing comes from the browser.
 *
 * Identity model: every token is a new participant (a reload, Stop then Start, a second tab), so
 * two tabs never evict each other; the attributes tie it to the session, and the agent serves
 * every participant carrying them and listens to the newest.
 */
export async function issueRecruiterToken(
  profile: JobProfile,
  options: TokenOptions,
): Promise<ParticipantCredentials> {
  const roomName = roomNameFor(profile.sessionId);
  const participantIdentity = `recruiter-${randomBytes(6).toString("hex")}`;
  const metadata: DispatchMetadata = { sessionId: profile.sessionId };
  const token = new AccessToken(options.livekit.apiKey, options.livekit.apiSecret, {
    identity: participantIdentity,
    name: [profile.recruiter.firstName, profile.recruiter.lastName].filter(Boolean).join(" "),
    ttl: options.ttlSeconds,
    attributes: {
      [PARTICIPANT_ATTRIBUTE.role]: "recruiter",
      [PARTICIPANT_ATTRIBUTE.sessionId]: profile.sessionId,
    },
  });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canPublish: true,
    // The microphone only: no camera or screen share reaches the agent or the room.
    canPublishSources: [TrackSource.MICROPHONE],
    canSubscribe: true,
    canPublishData: true,
    // The role and session attributes above are what the agent and the widget trust: never the participant's to change.
    canUpdateOwnMetadata: false,
  });
  token.roomConfig = new RoomConfiguration({
    agents: [new RoomAgentDispatch({ agentName: options.agentName, metadata: JSON.stringify(metadata) })],
  });
  return {
    serverUrl: options.livekit.url,
    participantToken: await token.toJwt(),
    roomName,
    participantIdentity,
  };
}
