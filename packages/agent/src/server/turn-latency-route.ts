import type { StoredTurnLatency, TurnLatencyStore } from "../store/turn-latency-store.js";
import { HttpError } from "./http-io.js";

export interface SessionTurnLatency {
  sessionId: string;
  turns: (StoredTurnLatency & { at: string })[];
  /** Over the turns that have each value: median and 95th percentile (nearest rank), in ms. */
  summary: Record<"endOfUtteranceDelayMs" | "llmTtftMs" | "ttsTtfbMs" | "endToEndMs", Percentiles | null>;
}

interface Percentiles {
  count: number;
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

function summarise(values: (number | undefined)[]): Percentiles | null {
  const sorted = values.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  return sorted.length === 0
    ? null
    : { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** `GET /v1/sessions/{id}/metrics`: the voice latency of every turn of a session, with p50/p95. */
export async function sessionTurnLatency(
  /** Throws for a session the caller may not see (missing, or another tenant's). */
  ensureSession: (sessionId: string) => Promise<unknown>,
  store: TurnLatencyStore | undefined,
  sessionId: string,
): Promise<SessionTurnLatency> {
  if (!store) {
    throw new HttpError(
      503,
      "unavailable",
      "this session service runs without a store that keeps turn latency",
    );
  }
  await ensureSession(sessionId); // an unknown session is a 404, not an empty list
  const turns = await store.turnLatency(sessionId);
  const of = (key: keyof SessionTurnLatency["summary"]) => summarise(turns.map((turn) => turn[key]));
  return {
    sessionId,
    turns,
    summary: {
      endOfUtteranceDelayMs: of("endOfUtteranceDelayMs"),
      llmTtftMs: of("llmTtftMs"),
      ttsTtfbMs: of("ttsTtfbMs"),
      endToEndMs: of("endToEndMs"),
    },
  };
}
