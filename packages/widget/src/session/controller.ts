import type { EditResult } from "@voice-onboarding/protocol";
import { Room } from "livekit-client";
import type { OnboardingStore } from "../store/create-store.js";
import { sinkForStore } from "../store/sink.js";
import type { EditDraft } from "../store/types.js";
import type { Transport, TransportError } from "../transport/types.js";
import { requestMicrophone } from "./microphone.js";

export interface ConnectionDetails {
  serverUrl: string;
  participantToken: string;
}

/** How the widget reaches the agent: a token endpoint, a token in hand, or any transport. */
export type ConnectionOptions =
  | { tokenFetcher: () => Promise<ConnectionDetails> }
  | ConnectionDetails
  | { transport: Transport };

export interface SessionController {
  /** Asks for the microphone (unless text only), then connects. */
  start(options?: { textOnly?: boolean }): Promise<void>;
  stop(): Promise<void>;
  /** Starts again the way the last start did. */
  retry(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  sendText(text: string): Promise<void>;
  /** Shows the edit at once, sends it, and settles it with the agent's answer. */
  edit(draft: EditDraft): Promise<EditResult>;
}

export interface SessionControllerOptions {
  store: OnboardingStore;
  /** Read at start, so a host may pass a fresh callback on every render. */
  connection: () => ConnectionOptions | undefined;
  onError?: (error: TransportError) => void;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The connection logic behind `<VoiceOnboarding/>`, free of React. */
export function createSessionController({
  store,
  connection,
  onError,
}: SessionControllerOptions): SessionController {
  const state = store.getState;
  let transport: Transport | null = null;
  let room: Room | null = null;
  let lastTextOnly = false;
  /** Bumped by every start and stop, so a start that was overtaken does not report its failure. */
  let attempt = 0;

  async function open(options: ConnectionOptions, microphone: boolean) {
    const sink = sinkForStore(store, onError);
    if ("transport" in options) {
      transport = options.transport;
      await transport.connect(sink);
      if (microphone) await transport.setMicrophoneEnabled?.(true);
      return;
    }
    // Loaded on start, not with the widget: the transport brings the protocol's decoder (and zod).
    const [details, { createLiveKitTransport }] = await Promise.all([
      "tokenFetcher" in options ? options.tokenFetcher() : options,
      import("../transport/livekit-transport.js"),
    ]);
    room = new Room({ adaptiveStream: true, dynacast: true });
    transport = createLiveKitTransport({ room, onError });
    await transport.connect(sink);
    state().setRoom(room);
    await room.connect(details.serverUrl, details.participantToken);
    if (microphone) await room.localParticipant.setMicrophoneEnabled(true);
  }

  async function close() {
    const closing = { transport, room };
    transport = null;
    room = null;
    await closing.transport?.disconnect();
    await closing.room?.disconnect();
    state().setRoom(null);
  }

  const controller: SessionController = {
    async start({ textOnly = false } = {}) {
      const status = state().connection.status;
      if (status === "connecting" || status === "connected" || status === "reconnecting") return;
      const options = connection();
      if (options === undefined) {
        state().setConnection({
          status: "failed",
          error: "No connection configured: pass tokenFetcher, serverUrl and participantToken, or transport.",
        });
        return;
      }
      lastTextOnly = textOnly;
      const wantsMicrophone =
        !textOnly && (!("transport" in options) || options.transport.setMicrophoneEnabled !== undefined);
      if (wantsMicrophone) {
        state().setMicrophone("requesting");
        const answer = await requestMicrophone();
        state().setMicrophone(answer);
        if (answer !== "granted") return;
      } else if (textOnly) {
        state().setMicrophone("text-only");
      }
      // A session the server ended still holds its room and listeners.
      await close();
      const current = ++attempt;
      state().setConnection({ status: "connecting", error: null });
      state().setAgentState("connecting");
      try {
        await open(options, wantsMicrophone);
      } catch (cause) {
        if (current !== attempt) return;
        await close();
        state().setAgentState("disconnected");
        state().setConnection({ status: "failed", error: messageOf(cause) });
      }
    },

    async stop() {
      attempt += 1;
      await close();
      state().setConnection({ status: "disconnected", error: null });
      state().setAgentState("disconnected");
    },

    retry: () => controller.start({ textOnly: lastTextOnly }),

    async setMuted(muted) {
      await transport?.setMicrophoneEnabled?.(!muted);
      state().setMuted(muted);
    },

    async sendText(text) {
      const trimmed = text.trim();
      if (trimmed.length > 0) await transport?.sendText(trimmed);
    },

    async edit(draft) {
      const command = state().beginEdit(draft);
      const result: EditResult = transport
        ? await transport.sendEdit(command)
        : {
            ok: false,
            commandId: command.commandId,
            error: { code: "unavailable", message: "Not connected to the agent." },
          };
      state().settleEdit(result);
      return result;
    },
  };
  return controller;
}
