import type { EditCommand, EditCommandType, JobProfile, MessageType } from "@voice-onboarding/protocol";
import type { Room } from "livekit-client";
import type { Messages } from "../i18n/messages.js";
import type { CardHighlights } from "./card-of.js";

export type ConnectionStatus =
  | "idle"
  | "connecting"
  | "connected"
  | "reconnecting"
  | "disconnected"
  | "failed";

/** Mirrors LiveKit's `lk.agent.state` attribute, plus the states before an agent joined. */
export type AgentStatus =
  | "disconnected"
  | "connecting"
  | "initializing"
  | "idle"
  | "listening"
  | "thinking"
  | "speaking";

/**
 * The connected session has no agent of its own in the room: it has not arrived yet or it left
 * (its job died). "waiting" from the moment it is missing; "retrying" once the widget asked the
 * host's backend again (`tokenFetcher`, whose session service then dispatches a new agent).
 */
export interface AgentWait {
  phase: "waiting" | "retrying";
  /** When the agent went missing (ms since the epoch). */
  since: number;
  /** How many times the widget asked for an agent since then. */
  attempts: number;
}

export type MicrophoneStatus = "unknown" | "requesting" | "granted" | "denied" | "unavailable" | "text-only";

/** An edit as the cards express it: the protocol command without envelope fields. */
export type { EditDraft } from "../cards/types.js";

export interface TranscriptEntry {
  /** Stable per utterance so interim transcriptions replace themselves. */
  id: string;
  speaker: "agent" | "recruiter";
  text: string;
  final: boolean;
  at: number;
  /** A typed line the agent never received: shown as not delivered. */
  undelivered?: true;
}

export interface PendingEdit {
  command: EditCommand;
  /** Ids of the traits/stages/nuances (or field names) the edit touches, for the cards' pending state. */
  itemIds: string[];
  /** Set once the agent confirmed: the edit stays shown until a message with this seq arrives. */
  confirmedSeq: number | null;
}

export interface RejectedEdit {
  commandId: string;
  type: EditCommandType;
  itemIds: string[];
  reason: string;
  at: number;
}

export interface LastChange {
  type: MessageType;
  ids: string[];
  at: number;
}

export interface Announcement {
  /** Increments so the same words announced twice still change the live region. */
  id: number;
  text: string;
}

export interface ConnectionInfo {
  status: ConnectionStatus;
  /** Why the connection failed, in words for the recruiter. */
  error: string | null;
}

export interface OnboardingState {
  /** The language announcements and the widget's own errors are worded in (`setMessages`). */
  messages: Messages;
  /** The profile shown: the agent's profile with pending recruiter edits applied on top. */
  profile: JobProfile | null;
  /** The last profile the agent published. */
  confirmedProfile: JobProfile | null;
  connection: ConnectionInfo;
  agentState: AgentStatus;
  /** Set while a connected LiveKit session has no agent of its own in the room; null otherwise. */
  agentWait: AgentWait | null;
  microphone: MicrophoneStatus;
  muted: boolean;
  transcript: TranscriptEntry[];
  pendingEdits: Record<string, PendingEdit>;
  lastChange: LastChange | null;
  /** Per card, the ids its last change touched; a message about one card leaves the others' arrays as they were. */
  highlights: CardHighlights;
  lastRejected: RejectedEdit | null;
  announcement: Announcement | null;
  /** The LiveKit room while a LiveKit session runs (the widget's own or the host's); null for custom transports. */
  room: Room | null;
  /** A gap or an inconsistent message was seen: the profile is behind until a snapshot arrives. */
  needsSnapshot: boolean;
}
