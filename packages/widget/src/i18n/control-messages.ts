import type { AgentStatus, ConnectionStatus } from "../store/types.js";

/** The voice controls' strings: part of the widget's message catalogue (`Messages`). */
export interface ControlMessages {
  start: string;
  stop: string;
  retry: string;
  mute: string;
  unmute: string;
  startAudio: string;
  connection: Record<ConnectionStatus, string>;
  agent: Record<AgentStatus, string>;
  /** Connected, and this session's agent has not arrived yet or left. */
  agentWaiting: string;
  /** The agent stayed away and the widget asked for it again (it keeps asking, less and less often). */
  agentRetrying: string;
  microphoneRequesting: string;
  microphoneDeniedTitle: string;
  microphoneDeniedIntro: string;
  microphoneHelp: { browser: string; steps: string }[];
  microphoneUnavailable: string;
  tryMicrophoneAgain: string;
  continueWithText: string;
  textOnlyNotice: string;
  transcriptTitle: string;
  transcriptEmpty: string;
  speakerAgent: string;
  speakerRecruiter: string;
  /** Beside a typed line the agent never received (tried three times). */
  lineNotDelivered: string;
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  controlsRegion: string;
}
