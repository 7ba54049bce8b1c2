import type { RpcInvocationData } from "@livekit/rtc-node";
import { decodeEditCommand } from "@voice-onboarding/protocol";
import type { RateLimit } from "../limits/rate-limiter.js";
import { RateLimiter, seconds } from "../limits/rate-limiter.js";
import { refuse as refuseEdit } from "./edit-rpc.js";

type RpcHandler = (data: RpcInvocationData) => Promise<string>;

/**
 * Puts a rate limit per caller in front of the edit handler: a refusal is an `unavailable`
 * EditResult the widget shows ("Not saved: …") and nothing reaches the store. The size limit is
 * the codec's (`MAX_EDIT_COMMAND_BYTES`), checked by the handler before anything is parsed.
 */
export function limitEdits(handler: RpcHandler, limit: RateLimit, now?: () => number): RpcHandler {
  const rate = new RateLimiter(limit, now);
  return async (data) => {
    const decision = rate.take(data.callerIdentity);
    if (decision.ok) return handler(data);
    const decoded = decodeEditCommand(data.payload);
    throw refuseEdit(
      decoded.ok ? decoded.message.commandId : "unknown",
      "unavailable",
      `too many edits at once (at most ${limit.burst} in a row, then ${limit.perMinute} a minute); wait ${seconds(decision.retryAfterMs)} and save again`,
    );
  };
}
