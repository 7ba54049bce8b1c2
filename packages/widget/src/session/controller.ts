import type { EditResult } from "@voice-onboarding/protocol";
import type { Room } from "livekit-client";
import type { OnboardingStore } from "../store/create-store.js";
import { sinkForStore } from "../store/sink.js";
import type { EditDraft } from "../store/types.js";
import type { Transport, TransportError } from "../transport/types.js";
import { requestMicrophone } from "./microphone.js";

export interface ConnectionDetails {
  serverUrl: string;
  participantToken: string;
  /**
   * The profile as it is now, a `profile.snapshot` message: the session service's token route
   * (`POST /v1/sessions/{id}/token`) answers one beside the token. Passed on, the cards paint
   * while the room connects, before the agent has joined (it confirms or updates them).
   */
  snapshot?: unknown;
}

/**
 * How the widget reaches the agent: a token endpoint, a token in hand, a LiveKit room the host
 * owns and connects, or any transport.
 */
export type ConnectionOptions =
  | { tokenFetcher: () => Promise<ConnectionDetails> }
  | ConnectionDetails
  | { room: Room }
  | { transport: Transport };

export interface SessionController {
  /** Asks for the microphone (unless text only), then connects. */
  start(options?: { textOnly?: boolean }): Promise<void>;
  /** Ends the session, or the start still in flight; does nothing when none runs. */
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
  /**
   * Read at start: how long a connected LiveKit session waits for a missing agent before asking
   * the `tokenFetcher` again (then 2×, 4×, … up to a minute). Default 6 s.
   */
  agentWaitMs?: () => number | undefined;
}

/** What one start made or bound; filled in as the start proceeds. */
interface Session {
  transport: Transport | null;
  /** The room LiveKitScope shows: the widget's own or the host's. */
  room: Room | null;
  /** Only a room the widget created is disconnected by it. */
  ownsRoom: boolean;
  /** Stops waiting for (and asking for) a missing agent. */
  stopWatch: (() => void) | null;
}

/**
 * Releasing also runs on unmount, where a rejection would surface as an unhandled error; a room
 * that failed or already closed holds nothing more to release.
 */
async function quietly(release: () => unknown) {
  try {
    await release();
  } catch {}
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The connection logic behind `<VoiceOnboarding/>`, free of React. */
export function createSessionController({
  store,
  connection,
  onError,
  agentWaitMs,
}: SessionControllerOptions): SessionController {
  const state = store.getState;
  /** The session a start began and no stop or newer start has replaced; each await re-checks it. */
  let active: Session | null = null;
  let lastTextOnly = false;

  /** Idempotent: a stop and the start it overtook may both release one session. */
  async function release(session: Session) {
    // A newer session may use the same host transport or room.
    const current = active;
    const { transport, room, ownsRoom } = session;
    session.stopWatch?.();
    session.stopWatch = null;
    // The room first: leaving it unpublishes the microphone.
    if (room && ownsRoom && room !== current?.room) await quietly(() => room.disconnect());
    if (transport && transport !== current?.transport) await quietly(() => transport.disconnect());
    if (room && state().room === room && room !== current?.room) state().setRoom(null);
  }

  async function open(session: Session, options: ConnectionOptions, microphone: boolean) {
    const overtaken = () => active !== session;
    const sink = sinkForStore(store, onError, () => !overtaken());
    if ("transport" in options) {
      session.transport = options.transport;
      await options.transport.connect(sink);
      if (microphone && !overtaken()) await options.transport.setMicrophoneEnabled?.(true);
      if (overtaken()) await release(session);
      return;
    }
    // Loaded on start, not with the widget: livekit-client, and the transport with the protocol's
    // decoder (and zod).
    const [details, { createLiveKitTransport }, { watchAgent }, livekit] = await Promise.all([
      "tokenFetcher" in options ? options.tokenFetcher() : "room" in options ? null : options,
      import("../transport/livekit-transport.js"),
      import("./agent-watch.js"),
      import("livekit-client"),
    ]);
    if (overtaken()) return;
    const room =
      "room" in options ? options.room : new livekit.Room({ adaptiveStream: true, dynacast: true });
    const transport = createLiveKitTransport({ room });
    Object.assign(session, { room, transport, ownsRoom: !("room" in options) });
    transport.connect(sink);
    if (!microphone) transport.answerByText();
    state().setRoom(room);
    // A job that dies is not replaced by self-hosted LiveKit: ask the token endpoint (whose session
    // service dispatches a new agent) again while none is in the room. The connection stays.
    session.stopWatch = watchAgent({
      store,
      waitMs: agentWaitMs?.(),
      summon: "tokenFetcher" in options ? options.tokenFetcher : undefined,
      onError,
    });
    if (details?.snapshot !== undefined) transport.acceptSnapshot(details.snapshot);
    if (details) await room.connect(details.serverUrl, details.participantToken);
    if (microphone && !overtaken()) await transport.setMicrophoneEnabled(true);
    // Overtaken while connecting: the stop released what existed then; this releases the rest.
    if (overtaken()) await release(session);
  }

  const controller: SessionController = {
    async start({ textOnly = false } = {}) {
      const status = state().connection.status;
      if (status === "connecting" || status === "connected" || status === "reconnecting") return;
      const options = connection();
      if (options === undefined) {
        state().setConnection({
          status: "failed",
          error: state().messages.noConnectionConfigured,
        });
        return;
      }
      lastTextOnly = textOnly;
      const previous = active;
      const session: Session = { transport: null, room: null, ownsRoom: false, stopWatch: null };
      active = session;
      // A session the server ended still holds its room and listeners.
      if (previous) await release(previous);
      if (active !== session) return;
      const wantsMicrophone =
        !textOnly && (!("transport" in options) || options.transport.setMicrophoneEnabled !== undefined);
      if (wantsMicrophone) {
        state().setMicrophone("requesting");
        const answer = await requestMicrophone();
        state().setMicrophone(answer);
        if (answer !== "granted" && active === session) active = null;
      } else if (textOnly) {
        state().setMicrophone("text-only");
      }
      if (active !== session) return;
      state().setConnection({ status: "connecting", error: null });
      state().setAgentState("connecting");
      state().setMuted(false);
      try {
        await open(session, options, wantsMicrophone);
      } catch (cause) {
        const overtaken = active !== session;
        if (!overtaken) active = null;
        await release(session);
        if (overtaken) return;
        state().setAgentState("disconnected");
        state().setConnection({ status: "failed", error: messageOf(cause) });
      }
    },

    async stop() {
      const session = active;
      if (session === null) return;
      active = null;
      await release(session);
      // A start while this one released owns the state now.
      if (active !== null) return;
      state().setConnection({ status: "disconnected", error: null });
      state().setAgentState("disconnected");
    },

    retry: () => controller.start({ textOnly: lastTextOnly }),

    async setMuted(muted) {
      await active?.transport?.setMicrophoneEnabled?.(!muted);
      state().setMuted(muted);
    },

    async sendText(text) {
      const trimmed = text.trim();
      if (trimmed.length > 0) await active?.transport?.sendText(trimmed);
    },

    async edit(draft) {
      const command = state().beginEdit(draft);
      const transport = active?.transport;
      const result: EditResult = transport
        ? await transport.sendEdit(command)
        : {
            ok: false,
            commandId: command.commandId,
            error: { code: "unavailable", message: state().messages.editNotConnected },
          };
      state().settleEdit(result);
      return result;
    },
  };
  return controller;
}
