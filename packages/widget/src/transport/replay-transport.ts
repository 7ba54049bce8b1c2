import {
  applyMessage,
  type JobProfile,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";
import { en } from "../i18n/en.js";
import { applyEditOptimistically } from "../store/optimistic.js";
import type { RecordedEntry } from "./recording.js";
import { createTypedLines } from "./typed-lines.js";
import type { Transport, TransportSink } from "./types.js";

export interface ReplayTransportOptions {
  /** From `recordingFromReplay`: messages, and transcript lines when the replay had them. */
  recording: readonly RecordedEntry[];
  /** 2 plays twice as fast. */
  speed?: number;
  /**
   * Resumes at this index: the messages before it are folded into the state without playing (their
   * transcript lines are not repeated, as a live agent would not repeat them), and
   * a widget that connects is brought up to it with a snapshot, as an agent already in the room would.
   */
  startAt?: number;
  /** After each played entry, with how many have played: persist it to resume with `startAt`. */
  onPosition?: (position: number) => void;
}

function snapshotOf(profile: JobProfile, source: ProtocolMessage["source"]): ProtocolMessage {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: new Date().toISOString(),
    source,
    type: "profile.snapshot",
    data: { profile },
  };
}

function foldRecording(entries: readonly RecordedEntry[]): JobProfile | null {
  let profile: JobProfile | null = null;
  for (const entry of entries) {
    if (!("message" in entry)) continue;
    const result = applyMessage(profile, entry.message);
    if (result.status === "applied") profile = result.profile;
  }
  return profile;
}

/** Moves a recorded message past the versions local edits used, so it still applies on top of them. */
function shifted(message: ProtocolMessage, offset: number): ProtocolMessage {
  if (offset === 0) return message;
  if (message.type === "profile.snapshot") {
    const profile = { ...message.data.profile, version: message.data.profile.version + offset };
    return { ...message, seq: message.seq + offset, data: { profile } };
  }
  return { ...message, seq: message.seq + offset };
}

/**
 * Plays a recorded session with timers: for demos, stories and tests without a LiveKit server.
 * Edits are confirmed locally, so a demo can be edited like the real thing.
 */
export function createReplayTransport({
  recording,
  speed = 1,
  startAt = 0,
  onPosition,
}: ReplayTransportOptions): Transport {
  let sink: TransportSink | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let position = Number.isFinite(startAt) ? Math.min(Math.max(0, Math.trunc(startAt)), recording.length) : 0;
  /** The state at the current position, local edits included. */
  let current = foldRecording(recording.slice(0, position));
  /** Versions taken by local edits. */
  let offset = 0;
  const typedLine = createTypedLines();

  function sendSnapshot() {
    if (current !== null) sink?.message(snapshotOf(current, "agent"));
  }

  function deliver(message: ProtocolMessage) {
    const result = applyMessage(current, message);
    if (result.status !== "applied") return;
    current = result.profile;
    const status = sink?.message(message);
    // A widget that missed messages catches up from a snapshot, as it would from a live agent.
    if (status === "gap" || status === "rejected") sendSnapshot();
  }

  function play(entry: RecordedEntry) {
    position += 1;
    if ("message" in entry) {
      sink?.agentState("speaking");
      deliver(shifted(entry.message, offset));
    } else {
      // While the recruiter's line plays the agent listens, as it would in the call.
      sink?.agentState(entry.line.speaker === "recruiter" ? "listening" : "speaking");
      sink?.transcript({ id: `replay-${position}`, ...entry.line, final: true, at: Date.now() });
    }
    onPosition?.(position);
  }

  function scheduleNext() {
    const next = recording[position];
    if (next === undefined) {
      sink?.agentState("listening");
      return;
    }
    timer = setTimeout(() => {
      play(next);
      // Entries recorded at the same moment play in the same task, so the widget renders them once
      // (a whole call replayed `from: "end"` is one render, not one per message).
      for (let following = recording[position]; following?.delayMs === 0; following = recording[position]) {
        if (sink === null) return; // disconnected by what the last entry set off
        play(following);
      }
      if (sink !== null) scheduleNext();
    }, next.delayMs / speed);
  }

  return {
    connect(target) {
      sink = target;
      target.connection("connected");
      target.agentState("listening");
      // Joining a replay under way (resumed, or connected again): the state so far comes as a snapshot.
      sendSnapshot();
      scheduleNext();
    },

    async requestSnapshot() {
      sendSnapshot();
    },

    async sendEdit(command) {
      if (current === null || command.sessionId !== current.sessionId) {
        return {
          ok: false,
          commandId: command.commandId,
          error: { code: "not_found", message: (sink?.messages?.() ?? en).editNoProfile },
        };
      }
      offset += 1;
      const edited = { ...applyEditOptimistically(current, command), version: current.version + 1 };
      deliver(snapshotOf(edited, "recruiter"));
      return { ok: true, commandId: command.commandId, seq: edited.version };
    },

    async sendText(text) {
      sink?.transcript(typedLine(text));
    },

    disconnect() {
      clearTimeout(timer);
      sink?.connection("disconnected");
      sink?.agentState("disconnected");
      sink = null;
    },
  };
}
