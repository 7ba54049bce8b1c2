import type { TurnLatency } from "@voice-onboarding/protocol";

/** One voice turn's latency in milliseconds (the worker's TurnLatency), keyed by agents-js's speech id. */
export type StoredTurnLatency = TurnLatency;

/**
 * Per-turn voice latency kept with its session (table job_profile_turn_latency). The database
 * stores (SQL, Supabase) have it; the in-memory test store does not need it.
 */
export interface TurnLatencyStore {
  /** Keeps one turn's latency; a repeated speech id is written once. */
  recordTurnLatency(sessionId: string, turn: StoredTurnLatency): Promise<void>;
  /** The session's turn latencies, oldest first, each with when it was recorded. */
  turnLatency(sessionId: string): Promise<(StoredTurnLatency & { at: string })[]>;
}

export function keepsTurnLatency<Store extends object>(store: Store): store is Store & TurnLatencyStore {
  return "recordTurnLatency" in store && "turnLatency" in store;
}
