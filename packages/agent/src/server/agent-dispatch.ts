import { AgentDispatchClient, RoomServiceClient } from "livekit-server-sdk";
import type { DispatchMetadata, LiveKitCredentials } from "./tokens.js";

/**
 * Self-hosted LiveKit does not re-dispatch an agent whose job process died (LiveKit Cloud does;
 * livekit/agents#1472), silently drops a dispatch when no worker has capacity at that moment, and
 * applies a token's roomConfig dispatch only when the room is created. So whenever the session
 * service issues a token for a room that already exists, it makes sure the room has our agent, or
 * one on its way, and dispatches one explicitly otherwise.
 */

/** `ParticipantInfo_Kind.AGENT` of @livekit/protocol (not re-exported by livekit-server-sdk). */
export const PARTICIPANT_KIND_AGENT = 4;
/** Set by the server on every agent participant it dispatched (protocol `AgentNameAttributeKey`). */
export const AGENT_NAME_ATTRIBUTE = "lk.agent.name";

/** What the dispatcher reads of a dispatch (`AgentDispatch` of livekit-server-sdk). */
export interface DispatchInfo {
  id: string;
  agentName: string;
  state?: {
    /** Unix nanoseconds. */
    createdAt: bigint;
    jobs: { state?: { participantIdentity: string; startedAt: bigint; updatedAt: bigint } }[];
  };
}

export interface ParticipantSummary {
  identity: string;
  kind: number;
  attributes: Record<string, string>;
}

/** The LiveKit server APIs the dispatcher uses: RoomServiceClient + AgentDispatchClient. */
export interface RoomAgentApi {
  roomExists(roomName: string): Promise<boolean>;
  listParticipants(roomName: string): Promise<ParticipantSummary[]>;
  listDispatch(roomName: string): Promise<DispatchInfo[]>;
  deleteDispatch(dispatchId: string, roomName: string): Promise<void>;
  createDispatch(roomName: string, agentName: string, metadata: string): Promise<{ id: string }>;
}

/**
 * - `no_room`: the room does not exist; the token's roomConfig dispatches the agent when it is created.
 * - `present`: our agent is in the room.
 * - `pending`: a dispatch of ours is young enough that its job may still be starting or joining.
 * - `dispatched`: stale dispatches were deleted and a new one created.
 * - `throttled`: this room had an explicit dispatch less than `minIntervalMs` ago.
 * - `failed`: a LiveKit server API call failed (logged); the token is issued anyway.
 */
export type EnsureAgentOutcome = "no_room" | "present" | "pending" | "dispatched" | "throttled" | "failed";

export interface AgentDispatcher {
  /** Never rejects. */
  ensureAgent(roomName: string, metadata: DispatchMetadata): Promise<EnsureAgentOutcome>;
}

export interface AgentDispatcherOptions {
  api: RoomAgentApi;
  agentName: string;
  /** At most one explicit dispatch per room in this interval (a dispatch storm guard). Default 10 s. */
  minIntervalMs?: number;
  /** A dispatch with no job yet is still being launched for this long; after it, LiveKit dropped it. Default 3 s. */
  launchGraceMs?: number;
  /** An assigned job may take this long to join the room before its dispatch counts as stale. Default 10 s. */
  joinGraceMs?: number;
  now?: () => number;
  logger?: Pick<Console, "info" | "warn">;
}

export const isOurAgent = (participant: ParticipantSummary, agentName: string): boolean => {
  const name = participant.attributes[AGENT_NAME_ATTRIBUTE];
  // Every agent a 1.x server dispatches carries its name; an agent without one is taken as ours.
  return name === undefined ? participant.kind === PARTICIPANT_KIND_AGENT : name === agentName;
};

const nsToMs = (ns: bigint | undefined) => (ns === undefined ? 0 : Number(ns / 1_000_000n));

/** Whether the dispatch's job may still be on its way into the room. */
function inFlight(dispatch: DispatchInfo, now: number, launchGraceMs: number, joinGraceMs: number): boolean {
  const jobs = dispatch.state?.jobs ?? [];
  const createdAt = nsToMs(dispatch.state?.createdAt);
  if (jobs.length === 0) return now - createdAt < launchGraceMs;
  const assignedAt = Math.max(...jobs.map((job) => nsToMs(job.state?.startedAt ?? job.state?.updatedAt)));
  return now - Math.max(createdAt, assignedAt) < joinGraceMs;
}

export function createAgentDispatcher(options: AgentDispatcherOptions): AgentDispatcher {
  const { api, agentName, logger } = options;
  const minIntervalMs = options.minIntervalMs ?? 10_000;
  const launchGraceMs = options.launchGraceMs ?? 3_000;
  const joinGraceMs = options.joinGraceMs ?? 10_000;
  const now = options.now ?? Date.now;
  /** When this process last dispatched explicitly to each room. */
  const lastDispatch = new Map<string, number>();
  /** One check per room at a time: concurrent token requests share it. */
  const running = new Map<string, Promise<EnsureAgentOutcome>>();

  const throttled = (roomName: string) => {
    const at = lastDispatch.get(roomName);
    return at !== undefined && now() - at < minIntervalMs;
  };

  async function ensure(roomName: string, metadata: DispatchMetadata): Promise<EnsureAgentOutcome> {
    if (!(await api.roomExists(roomName))) return "no_room";
    const participants = await api.listParticipants(roomName);
    if (participants.some((participant) => isOurAgent(participant, agentName))) return "present";
    const ours = (await api.listDispatch(roomName)).filter((dispatch) => dispatch.agentName === agentName);
    if (ours.some((dispatch) => inFlight(dispatch, now(), launchGraceMs, joinGraceMs))) return "pending";
    if (throttled(roomName)) return "throttled";
    lastDispatch.set(roomName, now());
    for (const [key, at] of lastDispatch) if (now() - at >= minIntervalMs) lastDispatch.delete(key);
    // A killed job's dispatch stays listed; deleting it also ends any job of it the server still tracks.
    for (const stale of ours) await api.deleteDispatch(stale.id, roomName);
    const created = await api.createDispatch(roomName, agentName, JSON.stringify(metadata));
    logger?.info(
      `dispatched agent ${agentName} to ${roomName} (${created.id}); the room had none` +
        (ours.length > 0 ? `, deleted ${ours.length} stale dispatch(es)` : ""),
    );
    return "dispatched";
  }

  return {
    ensureAgent(roomName, metadata) {
      const current = running.get(roomName);
      if (current) return current;
      const started = ensure(roomName, metadata)
        .catch((error: unknown) => {
          logger?.warn(`could not check or dispatch the agent of ${roomName}: ${String(error)}`);
          return "failed" as const;
        })
        .finally(() => running.delete(roomName));
      running.set(roomName, started);
      return started;
    },
  };
}

/** The RoomAgentApi of a LiveKit server (Cloud or self-hosted); ws(s):// URLs are accepted. */
export function liveKitRoomAgentApi(
  credentials: LiveKitCredentials,
  { requestTimeoutSeconds = 5 }: { requestTimeoutSeconds?: number } = {},
): RoomAgentApi {
  const clientOptions = { requestTimeout: requestTimeoutSeconds };
  const rooms = new RoomServiceClient(
    credentials.url,
    credentials.apiKey,
    credentials.apiSecret,
    clientOptions,
  );
  const dispatches = new AgentDispatchClient(
    credentials.url,
    credentials.apiKey,
    credentials.apiSecret,
    clientOptions,
  );
  return {
    roomExists: async (roomName) =>
      (await rooms.listRooms([roomName])).some((room) => room.name === roomName),
    listParticipants: async (roomName) => rooms.listParticipants(roomName),
    listDispatch: (roomName) => dispatches.listDispatch(roomName),
    deleteDispatch: (dispatchId, roomName) => dispatches.deleteDispatch(dispatchId, roomName),
    createDispatch: (roomName, agentName, metadata) =>
      dispatches.createDispatch(roomName, agentName, { metadata }),
  };
}
