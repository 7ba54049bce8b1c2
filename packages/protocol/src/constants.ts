/**
 * Wire protocol version, `major.minor`. A reader accepts any minor of its own major. A minor adds
 * (1.1: edit commands company.update, trait.add, stage.add, nuance.add, nuance.update and the
 * nuance.updated message); a major removes or changes.
 */
export const PROTOCOL_VERSION = "1.1";
export const PROTOCOL_MAJOR = 1;

/** LiveKit text-stream / data-packet topic the agent publishes profile messages on. */
export const DATA_TOPIC = "voice-onboarding.profile";

/** LiveKit RPC methods the agent registers for the widget. */
export const RPC_METHOD = {
  edit: "voice-onboarding.edit",
  snapshot: "voice-onboarding.snapshot",
  /**
   * Since 1.1. The widget says the recruiter chose text (payload `"text"`): the agent greets at
   * once in text instead of waiting a moment for a microphone that will not come.
   */
  input: "voice-onboarding.input",
  /**
   * Since 1.1. A typed line (`ChatLine`), answered once the agent took it: unlike a fire-and-forget
   * `lk.chat` stream, a line lost on the way (right after a reconnect) is noticed and sent again,
   * and its id makes the resend harmless.
   */
  chat: "voice-onboarding.chat",
} as const;

/** Encoded messages larger than this are refused by the codec (a 200-trait snapshot is ~150 kB). */
export const MAX_MESSAGE_BYTES = 512 * 1024;

/** LiveKit's RPC payload limit: no LiveKit client sends more, so the agent refuses a larger payload unread. */
export const MAX_RPC_PAYLOAD_BYTES = 15 * 1024;

export const MAX_EDIT_COMMAND_BYTES = MAX_RPC_PAYLOAD_BYTES;

/** Longest typed chat line (UTF-16 code units): the widget's input stops there, the agent refuses more. */
export const MAX_CHAT_CHARS = 2000;

/**
 * Participant attributes the session service puts in tokens and the agent sets on itself.
 * `role` marks the recruiter; `sessionId` ties a participant to one onboarding session, so the
 * widget trusts only the agent dispatched for its session and the agent only that session's recruiters.
 */
export const PARTICIPANT_ATTRIBUTE = {
  role: "voice-onboarding.role",
  sessionId: "voice-onboarding.session",
  /**
   * Set by the agent to the profile version after every change: a widget whose last message was
   * lost (and nothing newer follows) sees it is behind and asks for a snapshot.
   */
  version: "voice-onboarding.version",
  /**
   * Set by the agent while it cannot serve yet: `store_unavailable` while the profile database is
   * down at job start (it retries, and says so in the transcript), `ready` once it recovered.
   */
  status: "voice-onboarding.status",
  /** Set by the agent after each voice turn: that turn's latency as JSON (`TurnLatency`). */
  turnLatency: "voice-onboarding.turn_latency",
} as const;
