import { encodeMessage, PARTICIPANT_ATTRIBUTE, RPC_METHOD } from "@voice-onboarding/protocol";
import { ConnectionState, ParticipantKind, type PerformRpcParams, Room } from "livekit-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { HELD_LIMITS } from "../src/transport/held-messages.js";
import { createLiveKitTransport, type LiveKitTransport } from "../src/transport/livekit-transport.js";
import type { TransportError } from "../src/transport/types.js";
import { baseProfile, SESSION_ID, snapshot, traitCreated } from "./fixtures.js";
import {
  deliverDataPacket,
  deliverTextStream,
  setConnectionState,
  setLocalParticipant,
  updateParticipant,
} from "./livekit-room.js";

/**
 * Which participant the transport trusts, on a real livekit-client Room whose participants join
 * and change attributes through the room's own participant-update handler. Only the agent's RPC
 * answers are a stand-in (no server runs here): it acknowledges a snapshot request.
 */
let room: Room;
let store: OnboardingStore;
let transport: LiveKitTransport;
let errors: TransportError[];
let rpcCalls: PerformRpcParams[];

const ours = { [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID };
const agent = (identity: string, attributes: Record<string, string> = {}) =>
  updateParticipant(room, identity, { kind: ParticipantKind.AGENT, attributes });
const version = () => store.getState().profile?.version;
const snapshotTargets = () =>
  rpcCalls.filter((call) => call.method === RPC_METHOD.snapshot).map((call) => call.destinationIdentity);
/** Lets the room's stream readers and the transport's handlers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function bind(localAttributes: Record<string, string> = ours) {
  // What a connect leaves: the token's identity and attributes, then the Connected state.
  setLocalParticipant(room, "recruiter-1", localAttributes);
  setConnectionState(room, ConnectionState.Connected);
  transport = createLiveKitTransport({ room, onError: (error) => errors.push(error) });
  transport.connect(sinkForStore(store));
}

beforeEach(() => {
  room = new Room();
  store = createOnboardingStore();
  errors = [];
  rpcCalls = [];
  vi.spyOn(room.localParticipant, "performRpc").mockImplementation(async (params) => {
    rpcCalls.push(params);
    return JSON.stringify({ seq: 1 });
  });
});

afterEach(() => {
  transport.disconnect();
  vi.useRealTimers();
});

describe("text streams that arrive before their sender is known", () => {
  it("holds a stream from an identity the room does not know yet and applies it once the agent joins", async () => {
    bind({});
    deliverTextStream(room, "agent-2", [encodeMessage(snapshot())]);
    await settle();
    expect(version()).toBeUndefined();
    expect(transport.ignoredMessages).toBe(0);
    agent("agent-2");
    expect(version()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("ignores a held stream once its sender turns out not to be the agent", async () => {
    bind({});
    deliverTextStream(room, "mallory", [encodeMessage(snapshot())]);
    await settle();
    updateParticipant(room, "mallory");
    expect(version()).toBeUndefined();
    expect(transport.ignoredMessages).toBe(1);
  });

  it(`holds at most ${HELD_LIMITS.count} messages and drops the rest after ${HELD_LIMITS.ms} ms, reporting each`, async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    bind({});
    for (let seq = 1; seq <= HELD_LIMITS.count + 2; seq += 1)
      deliverTextStream(room, "stranger", [encodeMessage(traitCreated(seq, `t${seq}`, "Go"))]);
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(transport.ignoredMessages).toBe(2);
    vi.advanceTimersByTime(HELD_LIMITS.ms);
    expect(transport.ignoredMessages).toBe(HELD_LIMITS.count + 2);
    expect(new Set(errors.map((error) => error.kind))).toEqual(new Set(["message_dropped"]));
    // Nothing is left to apply when the stranger finally joins.
    agent("stranger");
    expect(version()).toBeUndefined();
  });
});

describe("trusting only the agent dispatched for this session", () => {
  it("ignores another session's agent: its messages, its state, and as an RPC target", async () => {
    agent("agent-old", { [PARTICIPANT_ATTRIBUTE.sessionId]: "session-0", "lk.agent.state": "speaking" });
    agent("agent-1", { ...ours, "lk.agent.state": "listening" });
    bind();
    expect(store.getState().agentState).toBe("listening");
    expect(snapshotTargets()).toEqual(["agent-1"]);
    deliverDataPacket(room, "agent-old", encodeMessage(snapshot()));
    deliverTextStream(room, "agent-old", [encodeMessage(snapshot())]);
    await settle();
    expect(version()).toBeUndefined();
    expect(transport.ignoredMessages).toBe(2);
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()));
    expect(version()).toBe(1);
    await transport.sendEdit(
      store.getState().beginEdit({ type: "field.confirm", data: { field: "job_title" } }),
    );
    expect(rpcCalls.at(-1)).toMatchObject({ method: RPC_METHOD.edit, destinationIdentity: "agent-1" });
    updateParticipant(room, "agent-old", { kind: ParticipantKind.AGENT, left: true });
    expect(store.getState().agentState).toBe("listening");
  });

  it("ignores a message for another session, even from our agent", () => {
    agent("agent-1", ours);
    bind();
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot(baseProfile({ sessionId: "session-2" }))));
    expect(version()).toBeUndefined();
    expect(transport.ignoredMessages).toBe(1);
  });

  it("waits for the agent's session attribute: then its state, the snapshot request and held streams proceed", async () => {
    bind();
    agent("agent-1", { "lk.agent.state": "listening" });
    deliverTextStream(room, "agent-1", [encodeMessage(snapshot())]);
    await settle();
    await transport.requestSnapshot();
    expect(store.getState().agentState).not.toBe("listening");
    expect(version()).toBeUndefined();
    expect(snapshotTargets()).toEqual([]);
    agent("agent-1", { ...ours, "lk.agent.state": "listening" });
    expect(store.getState().agentState).toBe("listening");
    expect(version()).toBe(1);
    expect(snapshotTargets()).toEqual(["agent-1"]);
    expect(transport.ignoredMessages).toBe(0);
  });

  it("trusts any agent in a room whose local participant carries no session", () => {
    agent("agent-9", { [PARTICIPANT_ATTRIBUTE.sessionId]: "whatever" });
    bind({});
    deliverDataPacket(room, "agent-9", encodeMessage(snapshot()));
    expect(version()).toBe(1);
  });

  it("tells the store the agent left only when no agent of this session remains", () => {
    agent("agent-1", { ...ours, "lk.agent.state": "listening" });
    agent("agent-2", { ...ours, "lk.agent.state": "thinking" });
    bind();
    updateParticipant(room, "agent-1", { kind: ParticipantKind.AGENT, left: true });
    expect(store.getState().agentState).toBe("thinking");
    updateParticipant(room, "agent-2", { kind: ParticipantKind.AGENT, left: true });
    expect(store.getState().agentState).toBe("disconnected");
  });

  it("learns of this session's agent already in the room when the room connects", () => {
    setLocalParticipant(room, "recruiter-1", ours);
    setConnectionState(room, ConnectionState.Connecting);
    transport = createLiveKitTransport({ room });
    transport.connect(sinkForStore(store));
    // Joined while connecting: the room announces no ParticipantConnected for it.
    agent("agent-1", { ...ours, "lk.agent.state": "listening" });
    expect(store.getState().agentState).not.toBe("listening");
    setConnectionState(room, ConnectionState.Connected);
    expect(store.getState().agentState).toBe("listening");
  });
});

describe("binding", () => {
  it("a second binding to one room fails without unbinding the first", () => {
    agent("agent-1", ours);
    bind();
    const second = createLiveKitTransport({ room });
    expect(() => second.connect(sinkForStore(createOnboardingStore()))).toThrow(/already been set/);
    second.disconnect();
    deliverTextStream(room, "agent-1", [encodeMessage(snapshot())]);
    return vi.waitFor(() => expect(version()).toBe(1));
  });
});
