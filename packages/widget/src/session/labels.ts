import type { AgentStatus, ConnectionStatus } from "../store/types.js";

/** Every user-visible string of the voice controls. Hosts override any subset. */
export interface ControlLabels {
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
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  controlsRegion: string;
}

export const DEFAULT_CONTROL_LABELS: ControlLabels = {
  start: "Start conversation",
  stop: "End conversation",
  retry: "Try again",
  mute: "Mute microphone",
  unmute: "Unmute microphone",
  startAudio: "Allow audio playback",
  connection: {
    idle: "Not started",
    connecting: "Connecting…",
    connected: "Connected",
    reconnecting: "Reconnecting…",
    disconnected: "Disconnected",
    failed: "Connection failed",
  },
  agent: {
    disconnected: "Agent offline",
    connecting: "Agent joining…",
    initializing: "Agent getting ready…",
    idle: "Agent idle",
    listening: "Listening",
    thinking: "Thinking",
    speaking: "Speaking",
  },
  agentWaiting: "Waiting for the agent…",
  agentRetrying: "The agent is not available, retrying…",
  microphoneRequesting: "Waiting for microphone permission…",
  microphoneDeniedTitle: "Microphone blocked",
  microphoneDeniedIntro:
    "The browser blocked the microphone for this site. To talk to the assistant, allow it:",
  microphoneHelp: [
    {
      browser: "Chrome",
      steps: "Click the site settings icon left of the address bar, set Microphone to Allow, then reload.",
    },
    {
      browser: "Firefox",
      steps: "Click the microphone icon in the address bar, clear the Blocked permission, then try again.",
    },
    {
      browser: "Safari",
      steps: "Open Safari › Settings for This Website, set Microphone to Allow, then try again.",
    },
  ],
  microphoneUnavailable: "No microphone was found. You can still type your answers.",
  tryMicrophoneAgain: "Try microphone again",
  continueWithText: "Continue with text only",
  textOnlyNotice: "Text only: type your answers below.",
  transcriptTitle: "Conversation",
  transcriptEmpty: "The conversation will appear here.",
  speakerAgent: "Assistant",
  speakerRecruiter: "You",
  messageLabel: "Type a message",
  messagePlaceholder: "Type a message…",
  send: "Send",
  controlsRegion: "Voice controls",
};
