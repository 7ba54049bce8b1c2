import {
  DATA_TOPIC,
  decodeEditResult,
  decodeMessage,
  type EditCommand,
  type EditResult,
  encodeEditCommand,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import {
  ConnectionState,
  type Participant,
  type RemoteParticipant,
  type Room,
  RoomEvent,
  RpcError,
  type TextStreamHandler,
} from "livekit-client";
import type { AgentStatus, ConnectionStatus } from "../store/types.js";
import { createIntake } from "./intake.js";
import { createTypedLines } from "./typed-lines.js";
import type { Transport, TransportError, TransportSink } from "./types.js";

export interface LiveKitTransportOptions {
  room: Room;
  /** Called for every payload that could not be used; nothing is ever thrown into React. */
  onError?: (error: TransportError) => void;
}

export interface LiveKitTransport extends Transport {
  readonly room: Room;
  /** Messages on the profile topic from someone other than the agent, ignored. */
  readonly ignoredMessages: number;
}

/** LiveKit's standard topic for typed user input to an agent. */
export const CHAT_TOPIC = "lk.chat";

const AGENT_STATES: readonly AgentStatus[] = ["initializing", "idle", "listening", "thinking", "speaking"];

function connectionStatus(state: ConnectionState): ConnectionStatus {
  switch (state) {
    case ConnectionState.Connected:
      return "connected";
    case ConnectionState.Connecting:
      return "connecting";
    case ConnectionState.Reconnecting:
    case ConnectionState.SignalReconnecting:
      return "reconnecting";
    default:
      return "disconnected";
  }
}

function agentStatus(agent: Participant): AgentStatus {
  const state = agent.attributes["lk.agent.state"];
  return AGENT_STATES.find((known) => known === state) ?? "initializing";
}

function unavailable(command: EditCommand, message: string): EditResult {
  return { ok: false, commandId: command.commandId, error: { code: "unavailable", message } };
}

/** Binds a LiveKit room to the widget: profile messages in, edits and typed text out. */
export function createLiveKitTransport({ room, onError }: LiveKitTransportOptions): LiveKitTransport {
  let sink: TransportSink | null = null;
  let ignoredMessages = 0;
  const typedLine = createTypedLines();
  let snapshotInFlight: Promise<void> | null = null;
  let snapshotWanted = false;
  const intake = createIntake(
    () => sink,
    () => void requestSnapshot(),
  );

  const report = (error: TransportError) => {
    sink?.error(error);
    onError?.(error);
  };

  const findAgent = (): RemoteParticipant | undefined =>
    [...room.remoteParticipants.values()].find((participant) => participant.isAgent);

  function accept(raw: string | Uint8Array, sender: Participant | undefined) {
    if (!sender?.isAgent) {
      ignoredMessages += 1;
      return;
    }
    const decoded = decodeMessage(raw);
    if (!decoded.ok) {
      report({ kind: "invalid_message", message: decoded.error.message });
      return;
    }
    intake.accept(decoded.message);
  }

  const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
    if (topic === DATA_TOPIC) accept(payload, participant);
  };

  const onTextStream: TextStreamHandler = async (reader, { identity }) => {
    const sender = room.remoteParticipants.get(identity);
    if (!sender?.isAgent) {
      ignoredMessages += 1;
      return;
    }
    try {
      accept(await reader.readAll(), sender);
    } catch (cause) {
      report({ kind: "invalid_message", message: `profile stream broke off: ${String(cause)}` });
    }
  };

  const onConnectionState = (state: ConnectionState) => sink?.connection(connectionStatus(state));
  const onReconnected = () => void requestSnapshot();
  const onAttributes = (_changed: Record<string, string>, participant: Participant) => {
    if (participant.isAgent) sink?.agentState(agentStatus(participant));
  };
  const onParticipantConnected = (participant: RemoteParticipant) => {
    if (!participant.isAgent) return;
    sink?.agentState(agentStatus(participant));
    if (snapshotWanted) void requestSnapshot();
  };
  const onParticipantDisconnected = (participant: RemoteParticipant) => {
    if (participant.isAgent) sink?.agentState("disconnected");
  };

  /**
   * Asks the agent for a snapshot. RPC replies are capped at 15 KiB, smaller than a large profile,
   * so the agent streams the snapshot on the protocol topic and the reply only acknowledges it;
   * a reply that is itself a snapshot is applied too.
   */
  async function fetchSnapshot(agent: RemoteParticipant) {
    try {
      const reply = await room.localParticipant.performRpc({
        destinationIdentity: agent.identity,
        method: RPC_METHOD.snapshot,
        payload: "",
      });
      const decoded = decodeMessage(reply);
      if (decoded.ok && decoded.message.type === "profile.snapshot") intake.accept(decoded.message);
    } catch (cause) {
      report({ kind: "snapshot_failed", message: `snapshot request failed: ${String(cause)}` });
    }
  }

  function requestSnapshot(): Promise<void> {
    const agent = findAgent();
    if (agent === undefined) {
      // Asked again when the agent joins.
      snapshotWanted = true;
      return Promise.resolve();
    }
    snapshotWanted = false;
    snapshotInFlight ??= fetchSnapshot(agent).finally(() => {
      snapshotInFlight = null;
    });
    return snapshotInFlight;
  }

  const subscribe = () =>
    room
      .on(RoomEvent.DataReceived, onData)
      .on(RoomEvent.ConnectionStateChanged, onConnectionState)
      .on(RoomEvent.Reconnected, onReconnected)
      .on(RoomEvent.ParticipantAttributesChanged, onAttributes)
      .on(RoomEvent.ParticipantConnected, onParticipantConnected)
      .on(RoomEvent.ParticipantDisconnected, onParticipantDisconnected);
  const unsubscribe = () =>
    room
      .off(RoomEvent.DataReceived, onData)
      .off(RoomEvent.ConnectionStateChanged, onConnectionState)
      .off(RoomEvent.Reconnected, onReconnected)
      .off(RoomEvent.ParticipantAttributesChanged, onAttributes)
      .off(RoomEvent.ParticipantConnected, onParticipantConnected)
      .off(RoomEvent.ParticipantDisconnected, onParticipantDisconnected);

  return {
    room,
    get ignoredMessages() {
      return ignoredMessages;
    },

    connect(target) {
      sink = target;
      room.registerTextStreamHandler(DATA_TOPIC, onTextStream);
      subscribe();
      target.connection(connectionStatus(room.state));
      const agent = findAgent();
      if (agent) target.agentState(agentStatus(agent));
      // Mounted into a live room: the agent's join-time snapshot has already gone by.
      if (room.state === ConnectionState.Connected) void requestSnapshot();
    },

    requestSnapshot,

    async sendEdit(command) {
      const agent = findAgent();
      if (agent === undefined) return unavailable(command, "The agent is not in the room right now.");
      try {
        const reply = await room.localParticipant.performRpc({
          destinationIdentity: agent.identity,
          method: RPC_METHOD.edit,
          payload: encodeEditCommand(command),
        });
        const decoded = decodeEditResult(reply);
        if (decoded.ok) return decoded.message;
        report({ kind: "edit_failed", message: `edit reply unusable: ${decoded.error.message}` });
        return unavailable(command, "The agent's answer could not be read.");
      } catch (cause) {
        // The agent refuses an edit with an RpcError whose data is the encoded EditResult.
        const refusal = cause instanceof RpcError && cause.data ? decodeEditResult(cause.data) : null;
        if (refusal?.ok) return refusal.message;
        report({ kind: "edit_failed", message: `edit request failed: ${String(cause)}` });
        return unavailable(command, "The agent did not answer. Try again.");
      }
    },

    async sendText(text) {
      sink?.transcript(typedLine(text));
      try {
        await room.localParticipant.sendText(text, { topic: CHAT_TOPIC });
      } catch (cause) {
        report({ kind: "send_failed", message: `message not sent: ${String(cause)}` });
      }
    },

    async setMicrophoneEnabled(enabled) {
      await room.localParticipant.setMicrophoneEnabled(enabled);
    },

    disconnect() {
      unsubscribe();
      room.unregisterTextStreamHandler(DATA_TOPIC);
      intake.clear();
      sink = null;
    },
  };
}
