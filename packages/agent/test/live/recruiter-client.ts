import { Room, RoomEvent } from "@livekit/rtc-node";
import {
  DATA_TOPIC,
  decodeMessage,
  type EditCommand,
  encodeEditCommand,
  type ProtocolMessage,
  RPC_METHOD,
} from "@voice-onboarding/protocol";

/** A recruiter's side of the room over rtc-node: what it hears on the protocol topic and in transcripts. */
export interface RecruiterClient {
  room: Room;
  /** Protocol messages in the order their streams opened, each once read whole. */
  readonly messages: ProtocolMessage[];
  /** The agent's transcribed lines (lk.transcription), one per stream, in arrival order. */
  readonly agentLines: string[];
  /** Byte streams received on agents-js's session topic (`lk.agent.session`), which the agent switches off. */
  sessionEvents(): number;
  say(text: string): Promise<void>;
  edit(command: EditCommand): Promise<string>;
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  leave(): Promise<void>;
}

export interface JoinOptions {
  /** false: subscribes to no track (a page that never plays the agent's audio); true by default. */
  autoSubscribe?: boolean;
}

export async function joinAsRecruiter(
  url: string,
  token: string,
  { autoSubscribe = true }: JoinOptions = {},
): Promise<RecruiterClient> {
  const room = new Room();
  // Streams are appended in the order they opened (the agent's send order), each once read whole:
  // two short streams can finish reading in the other order, which says nothing about what was sent.
  const reading: { done: boolean; message?: ProtocolMessage }[] = [];
  const messages: ProtocolMessage[] = [];
  const agentLines: string[] = [];
  const appendFinished = () => {
    while (reading[0]?.done) {
      const { message } = reading.shift() as { message?: ProtocolMessage };
      if (message) messages.push(message);
    }
  };
  room.registerTextStreamHandler(DATA_TOPIC, (reader) => {
    const stream: { done: boolean; message?: ProtocolMessage } = { done: false };
    reading.push(stream);
    void reader
      .readAll()
      .then((text) => {
        const decoded = decodeMessage(text);
        if (decoded.ok) stream.message = decoded.message;
      })
      // A stream cut by our own leave() is no failure of the agent's.
      .catch(() => {})
      .finally(() => {
        stream.done = true;
        appendFinished();
      });
  });
  room.registerTextStreamHandler("lk.transcription", (reader, { identity }) => {
    // agents-js streams each segment as deltas in one stream; reading it whole gives the line.
    void reader
      .readAll()
      .then((text) => {
        if (identity !== room.localParticipant?.identity && text.trim()) agentLines.push(text);
      })
      .catch(() => {});
  });
  let sessionEvents = 0;
  room.registerByteStreamHandler("lk.agent.session", () => {
    sessionEvents += 1;
  });
  await room.connect(url, token, { autoSubscribe, dynacast: false });
  const agentIdentity = () =>
    [...room.remoteParticipants.values()].find((participant) => participant.identity.startsWith("agent-"))
      ?.identity;
  const waitFor = async <T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value as T;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    room,
    messages,
    agentLines,
    sessionEvents: () => sessionEvents,
    say: async (text) => {
      await room.localParticipant?.sendText(text, { topic: "lk.chat" });
    },
    edit: async (command) => {
      const destinationIdentity = await waitFor("the agent", agentIdentity);
      return (
        room.localParticipant?.performRpc({
          destinationIdentity,
          method: RPC_METHOD.edit,
          payload: encodeEditCommand(command),
        }) ?? Promise.reject(new Error("not connected"))
      );
    },
    waitFor,
    leave: async () => {
      room.removeAllListeners(RoomEvent.Disconnected);
      await room.disconnect();
    },
  };
}
