import { MAX_MESSAGE_BYTES } from "@voice-onboarding/protocol";

export interface HeldMessage {
  identity: string;
  raw: string;
  at: number;
}

/** Bounds on what an unknown sender can make the widget keep. */
export const HELD_LIMITS = { count: 32, chars: 2 * MAX_MESSAGE_BYTES, ms: 5000 };

/**
 * Messages whose sender is not known yet (a text stream can arrive before ParticipantConnected or
 * before the agent's session attribute), kept in arrival order until the sender is known.
 */
export function createHeldMessages(onDrop: (message: HeldMessage, reason: "full" | "expired") => void) {
  let held: HeldMessage[] = [];
  let chars = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function remove(message: HeldMessage) {
    chars -= message.raw.length;
  }

  function schedule() {
    const oldest = held[0];
    if (timer !== undefined || oldest === undefined) return;
    timer = setTimeout(expire, Math.max(0, oldest.at + HELD_LIMITS.ms - Date.now()));
  }

  function expire() {
    timer = undefined;
    const now = Date.now();
    while (held[0] !== undefined && held[0].at + HELD_LIMITS.ms <= now) {
      const message = held.shift() as HeldMessage;
      remove(message);
      onDrop(message, "expired");
    }
    schedule();
  }

  return {
    hold(identity: string, raw: string) {
      const message = { identity, raw, at: Date.now() };
      if (held.length >= HELD_LIMITS.count || chars + raw.length > HELD_LIMITS.chars) {
        onDrop(message, "full");
        return;
      }
      held.push(message);
      chars += raw.length;
      schedule();
    },
    /** Removes and returns, in arrival order, the messages `settled` can now decide about. */
    take(settled: (identity: string) => boolean): HeldMessage[] {
      const taken = held.filter((message) => settled(message.identity));
      if (taken.length === 0) return taken;
      held = held.filter((message) => !taken.includes(message));
      for (const message of taken) remove(message);
      return taken;
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      held = [];
      chars = 0;
    },
  };
}
