/**
 * One voice turn's latency in milliseconds, as the agent measures it (agents-js metrics grouped by
 * speech id). The agent keeps it with the session and sets the latest on itself as the participant
 * attribute `PARTICIPANT_ATTRIBUTE.turnLatency` (JSON), where the widget's `onMetrics` reads it.
 */
export interface TurnLatency {
  speechId: string;
  /** The recruiter's end of speech (VAD) → the turn decided. */
  endOfUtteranceDelayMs?: number;
  /** The model's time to first token (the turn's first request). */
  llmTtftMs?: number;
  /** Text-to-speech time to first byte. */
  ttsTtfbMs?: number;
  /** End of the recruiter's speech to the agent's first audio: EOU delay + LLM TTFT + TTS TTFB. */
  endToEndMs?: number;
}

const DURATIONS = ["endOfUtteranceDelayMs", "llmTtftMs", "ttsTtfbMs", "endToEndMs"] as const;

/**
 * The attribute's value read back; undefined for anything that is not a turn's latency. Plain code,
 * not a schema: the widget's first chunk reads it and carries no zod.
 */
export function readTurnLatency(value: string | undefined): TurnLatency | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (typeof record.speechId !== "string") return undefined;
  const turn: TurnLatency = { speechId: record.speechId };
  for (const key of DURATIONS) {
    const duration = record[key];
    if (duration === undefined) continue;
    if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) return undefined;
    turn[key] = duration;
  }
  return turn;
}
