import type { DispatchInfo, ParticipantSummary, RoomAgentApi } from "../../src/server/agent-dispatch.js";

export const msToNs = (ms: number) => BigInt(ms) * 1_000_000n;

/** An in-memory stand-in of the LiveKit server APIs the agent check uses; `calls` records them in order. */
export function fakeLiveKit(clock: { now: number }) {
  const rooms = new Map<string, { participants: ParticipantSummary[]; dispatches: DispatchInfo[] }>();
  const calls: string[] = [];
  let counter = 0;
  let failing: Error | null = null;
  const room = (name: string) => {
    const found = rooms.get(name);
    if (!found) throw new Error(`requested room does not exist: ${name}`);
    return found;
  };
  const api: RoomAgentApi = {
    roomExists: async (name) => {
      calls.push("roomExists");
      if (failing) throw failing;
      return rooms.has(name);
    },
    listParticipants: async (name) => {
      calls.push("listParticipants");
      return room(name).participants;
    },
    listDispatch: async (name) => {
      calls.push("listDispatch");
      return room(name).dispatches;
    },
    deleteDispatch: async (id, name) => {
      calls.push(`deleteDispatch ${id}`);
      room(name).dispatches = room(name).dispatches.filter((dispatch) => dispatch.id !== id);
    },
    createDispatch: async (name, agentName, data) => {
      counter += 1;
      const id = `AD_${counter}`;
      calls.push(`createDispatch ${id} ${agentName} ${data}`);
      room(name).dispatches.push({ id, agentName, state: { createdAt: msToNs(clock.now), jobs: [] } });
      return { id };
    },
  };
  return {
    api,
    calls,
    fail(error: Error | null) {
      failing = error;
    },
    createRoom(name: string, participants: ParticipantSummary[] = [], dispatches: DispatchInfo[] = []) {
      rooms.set(name, { participants, dispatches });
    },
  };
}
