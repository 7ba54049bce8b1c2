import {
  decodeChatLine,
  decodeEditCommand,
  type EditResult,
  encodeEditResult,
  encodeMessage,
  PARTICIPANT_ATTRIBUTE,
  type ProtocolMessage,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import {
  ConnectionState,
  Encryption_Type,
  ParticipantKind,
  type PerformRpcParams,
  Room,
  RoomEvent,
  RpcError,
} from "livekit-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { createLiveKitTransport, type LiveKitTransport } from "../src/transport/livekit-transport.js";
import type { TransportError } from "../src/transport/types.js";
import { baseProfile, snapshot, traitCreated } from "./fixtures.js";
import {
  deliverDataPacket,
  deliverTextStream,
  joinAgent,
  joinParticipant,
  setConnectionState,
  updateParticipant,
} from "./livekit-room.js";

/**
 * A real, unconnected livekit-client Room. Only the agent's RPC answers are a local stand-in
 * (`localParticipant.performRpc` is replaced), because no LiveKit server or agent runs here. The
 * stand-in answers as the real agent does (packages/agent/src/edits): a snapshot request is
 * acknowledged with `{ seq }` and the snapshot itself arrives as a text stream on the protocol
 * topic; a refused edit is an RpcError whose `data` is the encoded EditResult.
 */
let room: Room;
let store: OnboardingStore;
let transport: LiveKitTransport;
let errors: TransportError[];
let rpcCalls: PerformRpcParams[];
let agentProfile: ProtocolMessage;
let answerEdit: (payload: string) => EditResult;
/** The agent's answers to the chat RPC, in turn; "ok" once they run out. */
let chatAnswers: (string | RpcError)[];

function standInAgentRpc() {
  rpcCalls = [];
  vi.spyOn(room.localParticipant, "performRpc").mockImplementation(async (params) => {
    rpcCalls.push(params);
    if (params.method === RPC_METHOD.snapshot) {
      const streamed = encodeMessage(agentProfile);
      // Like the network: the stream arrives after this call returns, not inside it.
      setTimeout(() => deliverTextStream(room, "agent-1", [streamed]), 0);
      return JSON.stringify({ seq: agentProfile.seq });
    }
    if (params.method === RPC_METHOD.chat) {
      const answer = chatAnswers.shift() ?? "ok";
      if (answer instanceof RpcError) throw answer;
      return answer;
    }
    const result = answerEdit(params.payload);
    if (!result.ok) throw new RpcError(2403, result.error.message, encodeEditResult(result));
    return encodeEditResult(result);
  });
}

const profileNames = () => store.getState().profile?.traits.map((trait) => trait.name);
const snapshotCalls = () => rpcCalls.filter((call) => call.method === RPC_METHOD.snapshot);

beforeEach(() => {
  room = new Room();
  store = createOnboardingStore();
  errors = [];
  agentProfile = snapshot(baseProfile({ version: 1 }));
  answerEdit = (payload) => {
    const decoded = decodeEditCommand(payload);
    if (!decoded.ok) throw new Error(decoded.error.message);
    return { ok: true, commandId: decoded.message.commandId, seq: 2 };
  };
  chatAnswers = [];
  standInAgentRpc();
  joinAgent(room, { "lk.agent.state": "listening" });
  transport = createLiveKitTransport({ room, onError: (error) => errors.push(error) });
  transport.connect(sinkForStore(store));
});

afterEach(() => transport.disconnect());

describe("createLiveKitTransport with data packets", () => {
  it("applies agent messages in order and drops duplicates and stale ones", () => {
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()));
    deliverDataPacket(room, "agent-1", encodeMessage(traitCreated(2, "t1", "Go")));
    deliverDataPacket(room, "agent-1", encodeMessage(traitCreated(2, "t1", "Go")));
    deliverDataPacket(room, "agent-1", encodeMessage(traitCreated(3, "t2", "Rust")));
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot(baseProfile({ version: 2 }))));
    expect(profileNames()).toEqual(["Go", "Rust"]);
    expect(store.getState().profile?.version).toBe(3);
    expect(snapshotCalls()).toHaveLength(0);
  });

  it("asks the agent for a snapshot on a gap, then replays what was held", async () => {
    setConnectionState(room, ConnectionState.Connected); // the room reads text streams only when connected
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()));
    agentProfile = snapshot(
      baseProfile({
        version: 3,
        traits: [{ id: "t1", name: "Go", description: "Go", priority: "must_have", signals: [] }],
      }),
    );
    deliverDataPacket(room, "agent-1", encodeMessage(traitCreated(4, "t4", "Kafka")));
    expect(snapshotCalls()).toEqual([
      { destinationIdentity: "agent-1", method: RPC_METHOD.snapshot, payload: "" },
    ]);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(4));
    expect(profileNames()).toEqual(["Go", "Kafka"]);
    expect(store.getState().needsSnapshot).toBe(false);
  });

  it("ignores messages from anyone but the agent, and counts them", () => {
    joinParticipant(room, "mallory", ParticipantKind.STANDARD);
    deliverDataPacket(room, "mallory", encodeMessage(snapshot()));
    deliverDataPacket(room, "unknown-identity", encodeMessage(snapshot()));
    expect(store.getState().profile).toBeNull();
    expect(transport.ignoredMessages).toBe(2);
    expect(errors).toEqual([]);
  });

  it("reports a malformed payload through onError without throwing", () => {
    expect(() => deliverDataPacket(room, "agent-1", "{not json")).not.toThrow();
    deliverDataPacket(room, "agent-1", JSON.stringify({ ...snapshot(), type: "trait.exploded" }));
    expect(errors.map((error) => error.kind)).toEqual(["invalid_message", "invalid_message"]);
    expect(store.getState().profile).toBeNull();
  });

  it("ignores a newer minor version's unknown message type: counted, reported as a warning, state kept", () => {
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()));
    deliverDataPacket(
      room,
      "agent-1",
      JSON.stringify({ ...traitCreated(2, "t9", "X"), v: "1.9", type: "poll.created" }),
    );
    expect(errors.map((error) => error.kind)).toEqual(["unknown_message_type"]);
    expect(transport.ignoredMessages).toBe(1);
    expect(store.getState().profile?.version).toBe(1);
  });

  it("asks for a snapshot when the agent announces a version past the last message it got", async () => {
    setConnectionState(room, ConnectionState.Connected);
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()));
    const agent = room.remoteParticipants.get("agent-1");
    if (!agent) throw new Error("the agent is in the room");
    room.emit(RoomEvent.ParticipantAttributesChanged, { [PARTICIPANT_ATTRIBUTE.version]: "1" }, agent);
    expect(snapshotCalls()).toHaveLength(0);
    // The message for version 2 was lost and nothing newer follows: the announcement alone converges.
    agentProfile = snapshot(baseProfile({ version: 2 }));
    room.emit(RoomEvent.ParticipantAttributesChanged, { [PARTICIPANT_ATTRIBUTE.version]: "2" }, agent);
    expect(snapshotCalls()).toHaveLength(1);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(2));
  });

  it("tells the host once when the agent cannot load the profile (its database is down)", () => {
    const agent = room.remoteParticipants.get("agent-1");
    if (!agent) throw new Error("the agent is in the room");
    const status = (value: string) =>
      room.emit(RoomEvent.ParticipantAttributesChanged, { [PARTICIPANT_ATTRIBUTE.status]: value }, agent);
    status("store_unavailable");
    status("store_unavailable");
    expect(errors.map((error) => error.kind)).toEqual(["agent_store_unavailable"]);
    status("ready");
    status("store_unavailable");
    expect(errors.map((error) => error.kind)).toEqual(["agent_store_unavailable", "agent_store_unavailable"]);
    // Not from someone who is not this session's agent.
    const mallory = joinParticipant(room, "mallory", ParticipantKind.STANDARD);
    room.emit(RoomEvent.ParticipantAttributesChanged, { [PARTICIPANT_ATTRIBUTE.status]: "ready" }, mallory);
    expect(errors).toHaveLength(2);
  });

  it("ignores other topics", () => {
    deliverDataPacket(room, "agent-1", encodeMessage(snapshot()), "some.other.topic");
    expect(store.getState().profile).toBeNull();
    expect(errors).toEqual([]);
  });

  it("asks for a snapshot after a reconnect", async () => {
    setConnectionState(room, ConnectionState.Connected);
    room.emit(RoomEvent.Reconnected);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(1));
    expect(snapshotCalls()).toHaveLength(1);
  });

  it("asks for a snapshot when mounted into a room that is already connected", async () => {
    transport.disconnect();
    setConnectionState(room, ConnectionState.Connected);
    const lateStore = createOnboardingStore();
    transport = createLiveKitTransport({ room });
    transport.connect(sinkForStore(lateStore));
    await vi.waitFor(() => expect(lateStore.getState().profile?.version).toBe(1));
    expect(lateStore.getState().connection.status).toBe("connected");
  });

  it("follows the room's connection state and the agent's state attribute", () => {
    expect(store.getState().agentState).toBe("listening");
    setConnectionState(room, ConnectionState.Reconnecting);
    expect(store.getState().connection.status).toBe("reconnecting");
    const agent = room.remoteParticipants.get("agent-1");
    if (!agent) throw new Error("agent missing");
    room.emit(RoomEvent.ParticipantAttributesChanged, { "lk.agent.state": "thinking" }, agent);
    // Attributes live on the participant; the event says which changed.
    Object.defineProperty(agent, "attributes", { value: { "lk.agent.state": "speaking" } });
    room.emit(RoomEvent.ParticipantAttributesChanged, { "lk.agent.state": "speaking" }, agent);
    expect(store.getState().agentState).toBe("speaking");
    room.emit(RoomEvent.ParticipantDisconnected, agent);
    expect(store.getState().agentState).toBe("disconnected");
  });
});

describe("createLiveKitTransport with the snapshot given with the token", () => {
  it("paints it before the room has connected, and the agent's newer messages follow it", () => {
    transport.acceptSnapshot(JSON.parse(encodeMessage(snapshot(baseProfile({ version: 1 })))));
    expect(room.state).toBe(ConnectionState.Disconnected);
    expect(store.getState().profile?.version).toBe(1);
    deliverDataPacket(room, "agent-1", encodeMessage(traitCreated(2, "t1", "Go")));
    expect(profileNames()).toEqual(["Go"]);
    expect(errors).toEqual([]);
  });

  it("reports anything but a valid snapshot and shows nothing of it", () => {
    transport.acceptSnapshot({ type: "profile.snapshot", seq: 1 });
    transport.acceptSnapshot(JSON.parse(encodeMessage(traitCreated(2, "t1", "Go"))));
    transport.acceptSnapshot(undefined);
    expect(store.getState().profile).toBeNull();
    expect(errors.map((error) => error.kind)).toEqual([
      "invalid_message",
      "invalid_message",
      "invalid_message",
    ]);
    expect(errors[1]?.message).toContain("a trait.created message");
  });
});

describe("createLiveKitTransport telling the agent the recruiter types", () => {
  const inputCalls = () => rpcCalls.filter((call) => call.method === RPC_METHOD.input);

  it("tells the agent in the room once, and an agent that replaces it once more", () => {
    setConnectionState(room, ConnectionState.Connected); // the room reports joins only when connected
    expect(inputCalls()).toEqual([]);
    transport.answerByText();
    updateParticipant(room, "agent-1", {
      kind: ParticipantKind.AGENT,
      attributes: { "lk.agent.state": "thinking" },
    });
    expect(inputCalls()).toEqual([
      { destinationIdentity: "agent-1", method: RPC_METHOD.input, payload: "text" },
    ]);
    updateParticipant(room, "agent-1", { kind: ParticipantKind.AGENT, left: true });
    updateParticipant(room, "agent-2", {
      kind: ParticipantKind.AGENT,
      attributes: { "lk.agent.state": "listening" },
    });
    expect(inputCalls().map((call) => call.destinationIdentity)).toEqual(["agent-1", "agent-2"]);
  });
});

describe("createLiveKitTransport with text streams", () => {
  beforeEach(() => setConnectionState(room, ConnectionState.Connected));

  it("reads the agent's text streams, chunked, in order", async () => {
    deliverTextStream(room, "agent-1", [encodeMessage(snapshot())]);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(1));
    const encoded = encodeMessage(traitCreated(2, "t1", "Distributed Systems"));
    deliverTextStream(room, "agent-1", [encoded.slice(0, 20), encoded.slice(20)]);
    await vi.waitFor(() => expect(profileNames()).toEqual(["Distributed Systems"]));
  });

  it("ignores text streams from a non-agent participant", async () => {
    deliverTextStream(room, "agent-1", [encodeMessage(snapshot())]);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(1));
    joinParticipant(room, "mallory", ParticipantKind.STANDARD);
    deliverTextStream(room, "mallory", [encodeMessage(traitCreated(2, "t1", "Injected"))]);
    await vi.waitFor(() => expect(transport.ignoredMessages).toBe(1));
    expect(profileNames()).toEqual([]);
  });
});

describe("createLiveKitTransport edits and text", () => {
  beforeEach(() =>
    deliverDataPacket(
      room,
      "agent-1",
      encodeMessage(
        snapshot(
          baseProfile({
            traits: [{ id: "t1", name: "Go", description: "Go", priority: "must_have", signals: [] }],
          }),
        ),
      ),
    ),
  );

  it("sends an edit by RPC; the edit stays pending until the agent's message confirms it", async () => {
    const command = store.getState().beginEdit({ type: "trait.delete", data: { traitId: "t1" } });
    const result = await transport.sendEdit(command);
    store.getState().settleEdit(result);
    const editCall = rpcCalls.find((call) => call.method === RPC_METHOD.edit);
    expect(decodeEditCommand(editCall?.payload ?? "")).toMatchObject({
      ok: true,
      message: { commandId: command.commandId },
    });
    expect(store.getState().pendingEdits[command.commandId]?.confirmedSeq).toBe(2);
    expect(profileNames()).toEqual([]);
    deliverDataPacket(
      room,
      "agent-1",
      encodeMessage({ ...traitCreated(2, "x", "x"), type: "trait.deleted", data: { traitId: "t1" } }),
    );
    expect(store.getState().pendingEdits).toEqual({});
    expect(profileNames()).toEqual([]);
  });

  it("rolls an edit back when the agent refuses it", async () => {
    answerEdit = (payload) => {
      const commandId = decodeEditCommand(payload).ok ? JSON.parse(payload).commandId : "";
      return { ok: false, commandId, error: { code: "forbidden", message: "Stages are locked." } };
    };
    const command = store.getState().beginEdit({ type: "trait.delete", data: { traitId: "t1" } });
    store.getState().settleEdit(await transport.sendEdit(command));
    expect(profileNames()).toEqual(["Go"]);
    expect(store.getState().lastRejected?.reason).toBe("Stages are locked.");
  });

  it("turns an unreadable or failed RPC reply into an unavailable result", async () => {
    vi.mocked(room.localParticipant.performRpc).mockImplementationOnce(
      () => Promise.resolve("garbage") as ReturnType<Room["localParticipant"]["performRpc"]>,
    );
    const command = store.getState().beginEdit({ type: "trait.delete", data: { traitId: "t1" } });
    const result = await transport.sendEdit(command);
    expect(result).toMatchObject({ ok: false, error: { code: "unavailable" } });
    expect(errors.map((error) => error.kind)).toEqual(["edit_failed"]);
  });

  const chatCalls = () => rpcCalls.filter((call) => call.method === RPC_METHOD.chat);
  const streamed = () =>
    vi.spyOn(room.localParticipant, "sendText").mockResolvedValue({
      id: "s",
      topic: "lk.chat",
      mimeType: "text/plain",
      timestamp: 0,
      encryptionType: Encryption_Type.NONE,
    });

  it("sends a typed line by the chat RPC, again under the same id when no answer came, and shows it once", async () => {
    chatAnswers = [RpcError.builtIn("CONNECTION_TIMEOUT")];
    await transport.sendText("We also need Kafka experience");
    const payloads = chatCalls().map((call) => decodeChatLine(call.payload));
    expect(payloads).toEqual([
      {
        ok: true,
        message: { lineId: expect.stringMatching(/^line-/), text: "We also need Kafka experience" },
      },
      payloads[0],
    ]);
    expect(chatCalls()[0]?.destinationIdentity).toBe("agent-1");
    expect(store.getState().transcript).toMatchObject([
      { speaker: "recruiter", text: "We also need Kafka experience" },
    ]);
    expect(errors).toEqual([]);
  });

  it("sends the line on LiveKit's chat topic to an agent older than protocol 1.1", async () => {
    chatAnswers = [RpcError.builtIn("UNSUPPORTED_METHOD")];
    const sendText = streamed();
    await transport.sendText("We also need Kafka experience");
    expect(sendText).toHaveBeenCalledWith("We also need Kafka experience", { topic: "lk.chat" });
    expect(chatCalls()).toHaveLength(1);
  });

  it("holds a line typed before the agent joined until it does, and not past leaving the room", async () => {
    setConnectionState(room, ConnectionState.Connected);
    room.remoteParticipants.delete("agent-1");
    const sent = transport.sendText("We also need Kafka experience");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chatCalls()).toHaveLength(0);
    joinAgent(room, { "lk.agent.state": "listening" });
    await sent;
    expect(chatCalls().map((call) => call.destinationIdentity)).toEqual(["agent-1"]);
    expect(errors).toEqual([]);
    // Stop pressed while a line waits for an agent: it ends as not delivered, not 15 s later.
    room.remoteParticipants.delete("agent-1");
    const waiting = transport.sendText("Are you there?");
    setConnectionState(room, ConnectionState.Disconnected);
    await waiting;
    expect(chatCalls()).toHaveLength(1);
    expect(store.getState().transcript.at(-1)).toMatchObject({ text: "Are you there?", undelivered: true });
  });

  it("does not send again a line the agent refused, and reports a line that never got through", async () => {
    chatAnswers = [new RpcError(2429, "too_fast")];
    await transport.sendText("one");
    expect(chatCalls()).toHaveLength(1);
    expect(errors).toEqual([{ kind: "send_failed", message: "message refused: too_fast" }]);
    chatAnswers = [1, 2, 3].map(() => RpcError.builtIn("RESPONSE_TIMEOUT"));
    await transport.sendText("two");
    expect(chatCalls()).toHaveLength(4);
    expect(errors[1]).toMatchObject({
      kind: "send_failed",
      message: expect.stringContaining("not delivered"),
    });
    // The agent explains a refused line itself; the undelivered one is marked in the transcript.
    const [one, two] = store.getState().transcript;
    expect(one).toMatchObject({ text: "one" });
    expect(one?.undelivered).toBeUndefined();
    expect(two).toMatchObject({ text: "two", undelivered: true });
  });
});
