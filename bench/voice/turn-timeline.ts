import type { ReplyTiming } from "../../packages/agent/src/replay/stand-in-server.js";
import type { HeardUtterance } from "../../packages/agent/test/harness/speech/deepgram-listen.js";
import type { SpokenText } from "../../packages/agent/test/harness/speech/openai-audio.js";

/**
 * One spoken turn as the bench saw it, every time on this machine's Date.now() clock: the
 * recruiter's speech ended (the bench sent it), the stand-ins' view (STT final sent, model requests
 * answered, TTS first byte sent) and the first voiced agent audio frame the recruiter received.
 */
export interface TurnTimeline {
  speechEndedAt: number;
  firstAudioAt: number;
  /** Tool calls the script's turn makes (0 for a spoken reply only). */
  toolCalls: number;
}

/** Stand-in latencies that are the providers' (fixed, known) and silence the agent waits by design. */
export interface DesignedLatency {
  /**
   * The end-of-turn floor: Silero's minimum silence, agents-js's minimum endpointing delay and the
   * STT stand-in's own end of utterance (its silence plus its fixed final delay) run side by side;
   * the turn cannot end before the longest of them.
   */
  endOfTurnMs: number;
  modelFirstTokenMs: number;
  ttsFirstByteMs: number;
}

/** Model requests in a turn: one for a spoken reply, one more after the tool calls' results. */
export const modelCalls = (turn: Pick<TurnTimeline, "toolCalls">) => (turn.toolCalls > 0 ? 2 : 1);

export const totalMs = (turn: TurnTimeline) => turn.firstAudioAt - turn.speechEndedAt;

/** Ours: end of speech to first agent audio, less the providers' latencies and the designed wait. */
export function overheadMs(turn: TurnTimeline, designed: DesignedLatency): number {
  return (
    totalMs(turn) -
    designed.endOfTurnMs -
    modelCalls(turn) * designed.modelFirstTokenMs -
    designed.ttsFirstByteMs
  );
}

/** The phases of one turn, in ms, where the stand-ins observe them (a single session, so unambiguous). */
export interface TurnPhases {
  /** End of speech → the STT stand-in's final result (its silence and fixed delay, plus the audio's trip). */
  sttFinal: number;
  /** Final transcript → the model's first request (the endpointing decision, the turn's start). */
  finalToModel: number;
  /** Σ time to first token of the turn's model requests (stand-in). */
  modelFirstToken: number;
  /**
   * First model answer → the turn's first change committed in PostgreSQL. agents-js asks the model
   * preemptively, at the final transcript, and runs the tools only once the turn has ended, so
   * this includes any end-of-turn wait left after the model answered.
   */
  answerToFirstCommit: number | undefined;
  /**
   * First change committed → the next model request, per tool call: running and committing the
   * calls and sending their results (the first call's work before its commit, ~10 ms, is not in it).
   */
  perToolCall: number | undefined;
  /** The turn's last change committed → the second model request. */
  lastCommitToRequest: number | undefined;
  /** Last model answer → the TTS request (the reply's first sentence). */
  modelToTts: number;
  /** TTS request → first byte (stand-in: synthesis under a fixed delay). */
  ttsFirstByte: number;
  /** TTS first byte → the recruiter's first voiced frame (resampling, WebRTC, the server, decoding). */
  transport: number;
}

export function phasesOf(
  turn: TurnTimeline,
  heard: readonly HeardUtterance[],
  model: readonly ReplyTiming[],
  spoken: readonly SpokenText[],
  /** Commit times (ms) of the session's changes, from job_profile_events.created_at. */
  commits: readonly number[],
): TurnPhases | undefined {
  const within = (at: number) => at > turn.speechEndedAt && at < turn.firstAudioAt;
  const final = heard.find((utterance) => within(utterance.finalSentAt));
  const requests = model.filter((timing) => within(timing.receivedAt));
  const lastAnswer = requests.at(-1);
  const tts = spoken.find(
    (text) => lastAnswer && text.receivedAt >= lastAnswer.firstChunkAt && within(text.receivedAt),
  );
  const [first, second] = requests;
  if (!final || !first || !lastAnswer || !tts) return undefined;
  const turnCommits = second ? commits.filter((at) => at > first.firstChunkAt && at < second.receivedAt) : [];
  const [firstCommit, lastCommit] = [turnCommits[0], turnCommits.at(-1)];
  return {
    sttFinal: final.finalSentAt - turn.speechEndedAt,
    finalToModel: first.receivedAt - final.finalSentAt,
    modelFirstToken: requests.reduce((sum, timing) => sum + timing.firstChunkAt - timing.receivedAt, 0),
    answerToFirstCommit: firstCommit === undefined ? undefined : firstCommit - first.firstChunkAt,
    perToolCall:
      second && firstCommit !== undefined && turn.toolCalls > 0
        ? (second.receivedAt - firstCommit) / turn.toolCalls
        : undefined,
    lastCommitToRequest: lastCommit === undefined || !second ? undefined : second.receivedAt - lastCommit,
    modelToTts: tts.receivedAt - lastAnswer.firstChunkAt,
    ttsFirstByte: tts.firstByteAt - tts.receivedAt,
    transport: turn.firstAudioAt - tts.firstByteAt,
  };
}
