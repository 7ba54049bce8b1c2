import {
  type EditResult,
  type JobProfile,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";
import { applyEditOptimistically } from "../store/optimistic.js";
import type { AgentStatus, ConnectionStatus, TranscriptEntry } from "../store/types.js";
import type { Transport, TransportSink } from "../transport/types.js";

/** How the story's agent answers a card edit: applies it, never answers, or refuses with a reason. */
export type EditAnswer = "confirm" | "never" | { reject: string };

export interface FixedSession {
  /** Pushed once connected; the widget shows "Not started" until Start is pressed. */
  connection?: ConnectionStatus;
  agent?: AgentStatus;
  profile?: JobProfile;
  transcript?: readonly TranscriptEntry[];
  /** `connect` throws this, as a failing token service would. */
  failWith?: string;
  edits?: EditAnswer;
  /** Offer the microphone, so Start asks the browser for it first. */
  microphone?: boolean;
}

function snapshotOf(profile: JobProfile): ProtocolMessage {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: "2026-01-15T16:00:00.000Z",
    source: "agent",
    type: "profile.snapshot",
    data: { profile },
  };
}

/**
 * A transport frozen in one moment of a session: on connect it pushes a connection state, an
 * agent state, a profile snapshot and a transcript, then stays there. Stories only; no LiveKit.
 */
export function createFixedTransport(session: FixedSession): Transport {
  const { connection = "connected", agent = "listening", edits = "confirm" } = session;
  let sink: TransportSink | null = null;
  let current = session.profile ?? null;
  return {
    async connect(target) {
      if (session.failWith) throw new Error(session.failWith);
      sink = target;
      target.connection(connection);
      target.agentState(agent);
      if (current) target.message(snapshotOf(current));
      for (const entry of session.transcript ?? []) target.transcript(entry);
    },
    async requestSnapshot() {
      if (current) sink?.message(snapshotOf(current));
    },
    sendEdit(command): Promise<EditResult> {
      if (edits === "never") return new Promise<EditResult>(() => {});
      if (edits !== "confirm" || current === null) {
        const message = edits === "confirm" ? "There is no profile yet." : edits.reject;
        return Promise.resolve({
          ok: false,
          commandId: command.commandId,
          error: { code: "forbidden", message },
        });
      }
      current = { ...applyEditOptimistically(current, command), version: current.version + 1 };
      sink?.message(snapshotOf(current));
      return Promise.resolve({ ok: true, commandId: command.commandId, seq: current.version });
    },
    async sendText() {},
    disconnect() {
      sink = null;
    },
    ...(session.microphone && { async setMicrophoneEnabled() {} }),
  };
}
