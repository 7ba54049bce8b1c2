import {
  DATA_TOPIC,
  decodeMessage,
  PARTICIPANT_ATTRIBUTE,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";
import {
  ConnectionState,
  type Participant,
  type RemoteParticipant,
  type Room,
  RoomEvent,
  type TextStreamHandler,
} from "livekit-client";
import { newId } from "../cards/edit/new-id.js";
import type { ConnectionStatus } from "../store/types.js";
import { requestSnapshotRpc, sendChatRpc, sendEditRpc, tellTextOnlyRpc } from "./agent-rpc.js";
import { agentStatus, findAgent, sessionIdOf, trustOf } from "./agent-trust.js";
import { createHeldMessages } from "./held-messages.js";
import { createIntake } from "./intake.js";
import { createMicrophoneClaim } from "./microphone-claim.js";
import { createTranscriptionHandler, TRANSCRIPTION_TOPIC } from "./transcriptions.js";
import { createTypedLines } from "./typed-lines.js";
import type { Transport, TransportError, TransportSink } from "./types.js";

export interface LiveKitTransportOptions {
  room: Room;
  /** Called for every payload that could not be used; nothing is ever thrown into React. */
  onError?: (error: TransportError) => void;
}

export interface LiveKitTransport extends Transport {
  readonly room: Room;
  /**
   * Messages on the profile topic not taken: from anyone but this session's agent, for another
   * session, or held for a sender who never became known.
   */
  readonly ignoredMessages: number;
  /** The first enable remembers the microphone's state; `disconnect` turns off what it turned on. */
  setMicrophoneEnabled(enabled: boolean): Promise<void>;
  /**
   * Takes the `profile.snapshot` the host's backend got with the token (the session service's
   * token route answers one), so the cards paint before the agent has joined. Trusted as the
   * token is; anything but a valid snapshot is reported and not shown. Call after `connect`.
   */
  acceptSnapshot(snapshot: unknown): void;
  /**
   * The recruiter answers by typing: tells this session's agent (now, or when it joins) so it
   * greets at once instead of waiting a moment for a microphone.
   */
  answerByText(): void;
}

/** LiveKit's standard topic for typed user input to an agent. */
export const CHAT_TOPIC = "lk.chat";

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

/**
 * Binds a LiveKit room to the widget: profile messages in, edits and typed text out. Only the agent
 * dispatched for this session is trusted (see agent-trust.ts); the room is connected and
 * disconnected by whoever owns it.
 */
export function createLiveKitTransport({ room, onError }: LiveKitTransportOptions): LiveKitTransport {
  let sink: TransportSink | null = null;
  let registered = false;
  let ownsTranscriptions = false;
  const onTranscription = createTranscriptionHandler(
    room,
    // A known non-agent's "transcriptions" are not the conversation; an agent still unmarked may be ours.
    (identity) => identity === room.localParticipant.identity || trust(identity) !== "other",
    (entry) => sink?.transcript(entry),
  );
  let ignoredMessages = 0;
  const typedLine = createTypedLines();
  const microphone = createMicrophoneClaim(room);
  let snapshotInFlight: Promise<void> | null = null;
  let snapshotWanted = false;
  const intake = createIntake(
    () => sink,
    () => void requestSnapshot(),
  );
  const held = createHeldMessages((message, reason) => {
    ignoredMessages += 1;
    report({
      kind: "message_dropped",
      message: `profile message from ${message.identity} dropped: ${reason === "full" ? "too many held" : "sender never became known"}`,
    });
  });

  const report = (error: TransportError) => {
    sink?.error(error);
    onError?.(error);
  };
  const trust = (identity: string) => trustOf(room.remoteParticipants.get(identity), sessionIdOf(room));

  /** The highest profile version taken from the agent: compared with the version it announces. */
  let latestSeq = -1;

  function admit(message: ProtocolMessage) {
    const sessionId = sessionIdOf(room);
    if (sessionId !== undefined && message.sessionId !== sessionId) ignoredMessages += 1;
    else {
      intake.accept(message);
      latestSeq = Math.max(latestSeq, message.seq);
    }
  }

  /** The agent announces its version after each change: behind it, with nothing newer coming, ask. */
  function checkAnnouncedVersion(changed: Record<string, string>, participant: Participant) {
    const announced = Number(changed[PARTICIPANT_ATTRIBUTE.version]);
    if (!Number.isInteger(announced) || announced <= latestSeq) return;
    if (trust(participant.identity) === "agent") void requestSnapshot();
  }

  /** The agent says why it is not serving yet (its database is down at job start): tell the host once. */
  let announcedStatus: string | undefined;
  function checkAgentStatus(attributes: Record<string, string>, participant: Participant) {
    const status = attributes[PARTICIPANT_ATTRIBUTE.status];
    if (status === undefined || status === announcedStatus || trust(participant.identity) !== "agent") return;
    announcedStatus = status;
    if (status === "store_unavailable") {
      report({
        kind: "agent_store_unavailable",
        message: "the agent cannot load the profile: its database is not answering; it keeps trying",
      });
    }
  }

  function take(raw: string | Uint8Array) {
    const decoded = decodeMessage(raw);
    if (decoded.ok) admit(decoded.message);
    else if (decoded.error.kind === "unknown_type") {
      // A newer minor's type: ignored and counted, reported as a warning (the README promises any minor).
      ignoredMessages += 1;
      report({ kind: "unknown_message_type", message: decoded.error.message });
    } else report({ kind: "invalid_message", message: decoded.error.message });
  }

  function receive(raw: string | Uint8Array, identity: string) {
    const verdict = trust(identity);
    if (verdict === "agent") take(raw);
    else if (verdict === "other") ignoredMessages += 1;
    else held.hold(identity, typeof raw === "string" ? raw : new TextDecoder().decode(raw));
  }

  /** Takes or ignores the held messages whose sender is now known, in the order they came. */
  function settleHeld() {
    for (const message of held.take((identity) => trust(identity) !== "unknown"))
      receive(message.raw, message.identity);
  }

  const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
    if (topic !== DATA_TOPIC) return;
    // A packet from a sender the room does not know yet carries no identity to hold it by.
    if (participant === undefined) ignoredMessages += 1;
    else receive(payload, participant.identity);
  };

  const onTextStream: TextStreamHandler = async (reader, { identity }) => {
    // Not read at all when the sender is known to be someone else.
    if (trust(identity) === "other") {
      ignoredMessages += 1;
      return;
    }
    try {
      const raw = await reader.readAll();
      if (sink !== null) receive(raw, identity);
    } catch (cause) {
      report({ kind: "invalid_message", message: `profile stream broke off: ${String(cause)}` });
    }
  };

  let typing = false;
  let toldTyping: string | null = null;
  function tellTyping() {
    const agent = findAgent(room);
    if (!typing || agent === undefined || toldTyping === agent.identity) return;
    toldTyping = agent.identity;
    tellTextOnlyRpc(room, agent);
  }

  /** The agent may become ours late (its session attribute arrives after it joined). */
  function agentChanged(gone?: Participant) {
    const agent = findAgent(room, gone);
    if (agent === undefined) {
      if (gone === undefined) return;
      sink?.agentState("disconnected");
      // Its job died or ended: the agent that replaces it sends a snapshot on start; ask it as well,
      // so the profile converges even if that one is lost.
      snapshotWanted = true;
      return;
    }
    sink?.agentState(agentStatus(agent));
    if (snapshotWanted) void requestSnapshot();
    tellTyping();
  }

  const onConnectionState = (state: ConnectionState) => {
    sink?.connection(connectionStatus(state));
    // Participants already in the room when it connected announce no ParticipantConnected.
    if (state === ConnectionState.Connected) {
      settleHeld();
      agentChanged();
    }
  };
  const onReconnected = () => void requestSnapshot();
  const onAttributes = (changed: Record<string, string>, participant: Participant) => {
    settleHeld();
    if (participant.isAgent || participant === room.localParticipant) agentChanged();
    if (participant.isAgent) {
      checkAnnouncedVersion(changed, participant);
      checkAgentStatus(changed, participant);
    }
  };
  const onParticipantConnected = (participant: RemoteParticipant) => {
    settleHeld();
    if (participant.isAgent) {
      agentChanged();
      checkAgentStatus(participant.attributes, participant);
    }
  };
  const onParticipantDisconnected = (participant: RemoteParticipant) => {
    if (trustOf(participant, sessionIdOf(room)) === "agent") agentChanged(participant);
  };

  async function fetchSnapshot(agent: RemoteParticipant) {
    try {
      const snapshot = await requestSnapshotRpc(room, agent);
      if (snapshot !== null) admit(snapshot);
    } catch (cause) {
      report({ kind: "snapshot_failed", message: `snapshot request failed: ${String(cause)}` });
    }
  }

  function requestSnapshot(): Promise<void> {
    const agent = findAgent(room);
    if (agent === undefined) {
      // Asked again when this session's agent is in the room.
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
      // Throws while another binding holds the topic (two widgets on one room), before anything is bound.
      room.registerTextStreamHandler(DATA_TOPIC, onTextStream);
      registered = true;
      try {
        room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, onTranscription);
        ownsTranscriptions = true;
      } catch {
        // A host room whose own UI already reads transcriptions: the widget's transcript stays typed-only.
      }
      sink = target;
      subscribe();
      // A room not connected yet is about to be: the owner's "connecting" stands until it moves.
      if (room.state !== ConnectionState.Disconnected) target.connection(connectionStatus(room.state));
      const agent = findAgent(room);
      if (agent) target.agentState(agentStatus(agent));
      // Mounted into a live room: the agent's join-time snapshot has already gone by.
      if (room.state === ConnectionState.Connected) void requestSnapshot();
    },

    requestSnapshot,

    acceptSnapshot(snapshot) {
      // Through the one decoder (size, version, schema) every message takes: once per start.
      const decoded = decodeMessage(JSON.stringify(snapshot ?? null));
      if (decoded.ok && decoded.message.type === "profile.snapshot") admit(decoded.message);
      else {
        const why = decoded.ok ? `a ${decoded.message.type} message` : decoded.error.message;
        report({ kind: "invalid_message", message: `the snapshot given with the token is not one: ${why}` });
      }
    },

    answerByText() {
      typing = true;
      tellTyping();
    },

    sendEdit: (command) => sendEditRpc(room, findAgent(room), command, report, sink?.messages?.()),

    async sendText(text) {
      const line = typedLine(text);
      sink?.transcript(line);
      try {
        const outcome = await sendChatRpc(
          room,
          () => findAgent(room),
          { lineId: newId("line"), text },
          (typed) => room.localParticipant.sendText(typed, { topic: CHAT_TOPIC }),
          report,
        );
        if (outcome === "undelivered") sink?.transcript({ ...line, undelivered: true });
      } catch (cause) {
        report({ kind: "send_failed", message: `message not sent: ${String(cause)}` });
        sink?.transcript({ ...line, undelivered: true });
      }
    },

    setMicrophoneEnabled: (enabled) => microphone.setEnabled(enabled),

    /** Unbinds, and turns off the microphone if this transport turned it on. Safe to call again. */
    async disconnect() {
      unsubscribe();
      if (registered) room.unregisterTextStreamHandler(DATA_TOPIC);
      registered = false;
      if (ownsTranscriptions) room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
      ownsTranscriptions = false;
      intake.clear();
      held.clear();
      sink = null;
      // Leaving the room already unpublished it.
      if (room.state !== ConnectionState.Disconnected) await microphone.release();
    },
  };
}
