import type { OnboardingActions, OnboardingStore } from "../store/create-store.js";
import type { OnboardingState } from "../store/types.js";
import type { TransportError } from "../transport/types.js";

/** How long a connected session waits for its agent before asking for one again. */
export const DEFAULT_AGENT_WAIT_MS = 6000;
/** The longest pause between two requests while the agent stays away. */
export const MAX_AGENT_WAIT_MS = 60_000;

export interface AgentWatchOptions {
  store: OnboardingStore;
  /** Absence before the first request; each later request waits twice as long, up to `maxWaitMs`. */
  waitMs?: number;
  maxWaitMs?: number;
  /**
   * Asks the host's backend for the agent again: the `tokenFetcher`, whose session service
   * dispatches a new agent into a room that has none. Its answer is not used: the widget keeps its
   * connection. Without it the wait is only shown.
   */
  summon?: () => Promise<unknown>;
  onError?: (error: TransportError) => void;
}

/** Connected, and no agent of this session in the room (never arrived, or left). */
const agentMissing = (state: OnboardingState) =>
  state.connection.status === "connected" &&
  (state.agentState === "connecting" || state.agentState === "disconnected");

/**
 * Self-hosted LiveKit never replaces an agent whose job died and drops a dispatch no worker could
 * take, so a recruiter could wait in an empty room forever. While the agent is missing this shows
 * the wait in the store (`agentWait`) and, after `waitMs`, asks for an agent again with backoff
 * (6 s, 12 s, 24 s, … capped) until it is back or the session ends. Returns the stop function.
 */
export function watchAgent({
  store,
  waitMs = DEFAULT_AGENT_WAIT_MS,
  maxWaitMs = MAX_AGENT_WAIT_MS,
  summon,
  onError,
}: AgentWatchOptions): () => void {
  const state = store.getState;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = waitMs;
  let attempts = 0;
  /** One per absence: a request still in flight when the agent came and went again schedules nothing. */
  let absence = 0;

  const settle = () => {
    clearTimeout(timer);
    timer = undefined;
    delay = waitMs;
    attempts = 0;
    absence += 1;
  };

  const later = (ms: number) => {
    const scheduledIn = absence;
    timer = setTimeout(() => void ask(scheduledIn), ms);
  };

  async function ask(scheduledIn: number) {
    timer = undefined;
    const current = state();
    const gone = () => stopped || absence !== scheduledIn || !agentMissing(state());
    if (gone() || !summon) return;
    attempts += 1;
    current.setAgentWait({ phase: "retrying", since: current.agentWait?.since ?? Date.now(), attempts });
    try {
      await summon();
    } catch (cause) {
      onError?.({
        kind: "agent_request_failed",
        message: `asking for the agent again failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    }
    if (gone()) return;
    delay = Math.min(delay * 2, maxWaitMs);
    later(delay);
  }

  const follow = (current: OnboardingState & OnboardingActions) => {
    if (stopped) return;
    if (!agentMissing(current)) {
      settle();
      if (current.agentWait !== null) current.setAgentWait(null);
      return;
    }
    if (current.agentWait !== null) return;
    current.setAgentWait({ phase: "waiting", since: Date.now(), attempts: 0 });
    if (summon) later(waitMs);
  };

  const unsubscribe = store.subscribe(follow);
  follow(state());
  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    settle();
    if (state().agentWait !== null) state().setAgentWait(null);
  };
}
