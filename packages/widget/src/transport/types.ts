import type { ApplyResult, EditCommand, EditResult, ProtocolMessage } from "@voice-onboarding/protocol";
import type { Messages } from "../i18n/messages.js";
import type { AgentStatus, ConnectionStatus, TranscriptEntry } from "../store/types.js";

/** Where a transport delivers what it hears; the widget's store implements it. */
export interface TransportSink {
  /** A decoded agent message; the answer tells the transport whether a snapshot is needed. */
  message(message: ProtocolMessage): ApplyResult["status"];
  connection(status: ConnectionStatus, error?: string): void;
  agentState(state: AgentStatus): void;
  transcript(entry: TranscriptEntry): void;
  /** The widget's language, for the reasons a transport gives itself (an edit that did not reach the agent). */
  messages?(): Messages;
  /** Something arrived that could not be used (bad payload, failed snapshot). Never thrown. */
  error(error: TransportError): void;
}

export interface TransportError {
  /**
   * `message_dropped`: held for a sender who never became known, or too many held.
   * `agent_request_failed`: the agent was missing and asking for it again (`tokenFetcher`) failed.
   * `unknown_message_type`: a warning, not a failure: a newer minor protocol version's message
   * type this widget does not know was ignored (and counted in `ignoredMessages`).
   */
  kind:
    | "unknown_message_type"
    | "invalid_message"
    | "snapshot_failed"
    | "edit_failed"
    | "send_failed"
    | "message_dropped"
    | "agent_request_failed";
  message: string;
}

export interface Transport {
  /** Starts listening; for LiveKit, the room itself is connected by whoever owns it. */
  connect(sink: TransportSink): void | Promise<void>;
  requestSnapshot(): Promise<void>;
  /** Resolves with the agent's answer; a failure to reach it is an `unavailable` error, never a rejection. */
  sendEdit(command: EditCommand): Promise<EditResult>;
  sendText(text: string): Promise<void>;
  disconnect(): void | Promise<void>;
  /** Present when the transport can publish the recruiter's microphone. */
  setMicrophoneEnabled?(enabled: boolean): Promise<void>;
}
