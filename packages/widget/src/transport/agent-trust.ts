import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import type { Participant, RemoteParticipant, Room } from "livekit-client";
import type { AgentStatus } from "../store/types.js";

/** "unknown": not in the room yet, or an agent whose session attribute has not arrived yet. */
export type Trust = "agent" | "other" | "unknown";

/**
 * The session id the session service put in the recruiter's token. Absent for a host room made
 * another way; then any agent is trusted.
 */
export function sessionIdOf(room: Room): string | undefined {
  return room.localParticipant.attributes[PARTICIPANT_ATTRIBUTE.sessionId] || undefined;
}

/** Whether a participant is the agent dispatched for this session. */
export function trustOf(participant: Participant | undefined, sessionId: string | undefined): Trust {
  if (participant === undefined) return "unknown";
  if (!participant.isAgent) return "other";
  if (sessionId === undefined) return "agent";
  // The agent sets its session attribute right after joining, so it may still be missing.
  const theirs = participant.attributes[PARTICIPANT_ATTRIBUTE.sessionId];
  if (!theirs) return "unknown";
  return theirs === sessionId ? "agent" : "other";
}

export function findAgent(room: Room, except?: Participant): RemoteParticipant | undefined {
  const sessionId = sessionIdOf(room);
  for (const participant of room.remoteParticipants.values())
    if (participant !== except && trustOf(participant, sessionId) === "agent") return participant;
  return undefined;
}

const AGENT_STATES: readonly AgentStatus[] = ["initializing", "idle", "listening", "thinking", "speaking"];

export function agentStatus(agent: Participant): AgentStatus {
  const state = agent.attributes["lk.agent.state"];
  return AGENT_STATES.find((known) => known === state) ?? "initializing";
}
