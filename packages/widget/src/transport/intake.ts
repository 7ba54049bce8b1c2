import type { ProtocolMessage } from "@voice-onboarding/protocol";
import type { TransportSink } from "./types.js";

const MAX_HELD = 200;

/**
 * Feeds messages to the sink in seq order. A message that arrives ahead of a gap is held, a
 * snapshot is requested, and what was held is replayed once the gap is filled.
 */
export function createIntake(sink: () => TransportSink | null, requestSnapshot: () => void) {
  const held = new Map<number, ProtocolMessage>();

  function flushHeld() {
    for (const seq of [...held.keys()].sort((a, b) => a - b)) {
      const message = held.get(seq);
      const status = message && sink()?.message(message);
      if (status === "gap") return;
      held.delete(seq);
    }
  }

  return {
    accept(message: ProtocolMessage) {
      const target = sink();
      if (target === null) return;
      const status = target.message(message);
      if (status === "applied") {
        flushHeld();
        return;
      }
      if (status === "gap" && held.size < MAX_HELD) held.set(message.seq, message);
      if (status === "gap" || status === "rejected") requestSnapshot();
    },
    clear() {
      held.clear();
    },
  };
}
