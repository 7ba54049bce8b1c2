import type { metrics } from "@livekit/agents";
import { PARTICIPANT_ATTRIBUTE, type TurnLatency } from "@voice-onboarding/protocol";
import { keepsTurnLatency } from "../store/turn-latency-store.js";

export type { TurnLatency };

/** Groups agents-js metrics by speech id into one latency record per turn, kept for the session. */
export class TurnMetrics {
  readonly turns: TurnLatency[] = [];
  readonly #open = new Map<string, TurnLatency>();

  constructor(private readonly onTurn: (turn: TurnLatency) => void) {}

  record(metric: metrics.AgentMetrics): void {
    const speechId = "speechId" in metric ? metric.speechId : undefined;
    if (speechId === undefined) return;
    const turn = this.#open.get(speechId) ?? { speechId };
    if (metric.type === "eou_metrics") turn.endOfUtteranceDelayMs = metric.endOfUtteranceDelayMs;
    else if (metric.type === "llm_metrics")
      turn.llmTtftMs ??= metric.ttftMs; // first LLM step of the turn
    else if (metric.type === "tts_metrics") turn.ttsTtfbMs ??= metric.ttfbMs;
    else return;
    this.#open.set(speechId, turn);
    if (turn.llmTtftMs !== undefined && turn.ttsTtfbMs !== undefined) this.#finish(turn);
  }

  #finish(turn: TurnLatency): void {
    this.#open.delete(turn.speechId);
    if (turn.endOfUtteranceDelayMs !== undefined) {
      turn.endToEndMs = turn.endOfUtteranceDelayMs + (turn.llmTtftMs ?? 0) + (turn.ttsTtfbMs ?? 0);
    }
    this.turns.push(turn);
    this.onTurn(turn);
  }
}

/**
 * Keeps each finished turn's latency with the session when the store can (SQL and Supabase
 * stores), for `GET /v1/sessions/{id}/metrics`. A failed write is logged and lost: latency is
 * telemetry, never worth delaying or failing a turn for.
 */
export function turnLatencyKeeper(
  store: object,
  sessionId: string,
  warn: (detail: object, message: string) => void,
): (turn: TurnLatency) => void {
  if (!keepsTurnLatency(store)) return () => {};
  return (turn) => {
    store
      .recordTurnLatency(sessionId, turn)
      .catch((error: unknown) =>
        warn({ error: String(error), speechId: turn.speechId }, "could not keep a turn's latency"),
      );
  };
}

/**
 * Sets each finished turn's latency on the agent as a participant attribute, for the widget's
 * `onMetrics`. Like keeping it, telemetry: a failed update is logged and lost.
 */
export function turnLatencyAnnouncer(
  participant: { setAttributes(attributes: Record<string, string>): Promise<void> },
  warn: (detail: object, message: string) => void,
): (turn: TurnLatency) => void {
  return (turn) => {
    participant
      .setAttributes({ [PARTICIPANT_ATTRIBUTE.turnLatency]: JSON.stringify(turn) })
      .catch((error: unknown) =>
        warn({ error: String(error), speechId: turn.speechId }, "could not announce a turn's latency"),
      );
  };
}
