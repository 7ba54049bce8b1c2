import type { RateLimit } from "./rate-limiter.js";

/** What one recruiter participant may send the agent; each tab (identity) has its own allowance. */
export interface IntakeLimits {
  /** Hand edits (RPC): a burst of saves, then a steady rate. */
  edits: RateLimit;
  /** Typed chat lines: each starts a model turn, which costs money and interrupts the agent. */
  chat: RateLimit;
  /** Least time between two spoken "slow down" notices to one participant. */
  chatNoticeIntervalMs: number;
}

/**
 * Far above a person typing or editing; far below a script flooding the model. A recruiter who
 * answers each question as soon as the agent has asked it sends a line every 2–4 s: 15 a minute
 * refused such a one (the live 15-turn intake hit it), so 30.
 */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  edits: { burst: 20, perMinute: 60 },
  chat: { burst: 5, perMinute: 30 },
  chatNoticeIntervalMs: 10_000,
};
