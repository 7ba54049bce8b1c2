/**
 * Voice latency per turn, through the real livekit-server and the real worker (Silero VAD, the
 * deepgram plugin, the openai plugin's LLM and TTS, agents-js's AgentSession) with stand-ins of
 * fixed, known latency for the cloud providers, which cannot be reached here (tests only: the
 * Deepgram `/v1/listen` and OpenAI `/v1/audio/speech` stand-ins of packages/agent/test/harness and
 * the scripted chat-completions model). The recruiter is @livekit/rtc-node publishing espeak-ng
 * speech as its microphone and receiving the agent's audio track.
 *
 *   pnpm bench:voice      (alone: flock /tmp/heavy-tests.lock pnpm bench:voice)
 *
 * Per turn: end of the recruiter's speech (the last voiced 10 ms frame leaving the microphone) →
 * the first voiced frame of the agent's audio received by the recruiter. Our overhead = that total
 * − the stand-ins' fixed latencies (model first token per request, TTS first byte) − the designed
 * end-of-turn wait (see DesignedLatency). With one session the stand-ins' own timestamps break the
 * total down; the agent's own per-turn metrics (kept with the session) are shown next to it.
 * Then N sessions at once (BENCH_VOICE_LEVELS), real audio both ways, until a session fails or the
 * agent's audio continuity breaks (the overhead goal is shown per level).
 *
 * Environment: BENCH_VOICE_TURNS (turns of the single session, default 8), BENCH_VOICE_LEVELS
 * (default "2,5,10", stopping at the first that breaks), BENCH_VOICE_LEVEL_TURNS (turns per session at a level, default 3),
 * BENCH_VOICE_MODEL_MS (model first token, default 300), BENCH_VOICE_STT_FINAL_MS (default 100),
 * BENCH_VOICE_TTS_MS (TTS first byte, default 250), BENCH_VOICE_TTS_SPEED (how many times faster
 * than real time the TTS stand-in streams after its first byte, default 6; 0: all at once),
 * BENCH_VOICE_TTS (`openai`, the default, or
 * `elevenlabs`: the worker's speech provider against its stand-in, streamed over ElevenLabs'
 * WebSocket), BENCH_VOICE_LOG_DIR (where the stack's processes log),
 * TURN_DETECTION (the worker's; "vad" here unless set: the designed end-of-turn wait below is the
 * VAD's. With "model", agents-js's end-of-turn model waits 0.3–2.5 s per turn by its own score:
 * a policy, not overhead, and on espeak-ng speech it often scores low and waits the full 2.5 s).
 */
import { readFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import type { JobProfile } from "@voice-onboarding/protocol";
import { CapturingPublisher } from "../packages/agent/src/publish/publisher.js";
import { parseScript } from "../packages/agent/src/replay/script.js";
import { issueRecruiterToken } from "../packages/agent/src/server/tokens.js";
import { ProfileService } from "../packages/agent/src/service/index.js";
import { createPostgresStore } from "../packages/agent/src/store/postgres.js";
import { DEFAULT_SCRIPT, startLiveStack } from "../packages/agent/test/harness/live-stack.js";
import { findLiveKitServer } from "../packages/agent/test/harness/livekit.js";
import { postgresAvailable } from "../packages/agent/test/harness/postgres.js";
import { hasEspeak, type Pcm, speakOrTone } from "../packages/agent/test/harness/speech/audio.js";
import { MIN_SILENCE_MS as STAND_IN_STT_SILENCE_MS } from "../packages/agent/test/harness/speech/deepgram-listen.js";
import type { VoiceRecruiter } from "../packages/agent/test/live/voice-recruiter.js";
import { machineTicks, processTree, rssKiB } from "./live/procfs.js";
import { percentile, printTable, timingRow } from "./table.js";
import { audioLegMs } from "./voice/audio-leg.js";
import {
  type DesignedLatency,
  overheadMs,
  phasesOf,
  type TurnPhases,
  type TurnTimeline,
  totalMs,
} from "./voice/turn-timeline.js";

const TURNS = Number(process.env.BENCH_VOICE_TURNS ?? 8);
const LEVELS = (process.env.BENCH_VOICE_LEVELS ?? "2,5,10").split(",").filter(Boolean).map(Number);
const LEVEL_TURNS = Number(process.env.BENCH_VOICE_LEVEL_TURNS ?? 3);
const MODEL_MS = Number(process.env.BENCH_VOICE_MODEL_MS ?? 300);
const STT_FINAL_MS = Number(process.env.BENCH_VOICE_STT_FINAL_MS ?? 100);
const TTS_MS = Number(process.env.BENCH_VOICE_TTS_MS ?? 250);
const TTS_PROVIDER = process.env.BENCH_VOICE_TTS === "elevenlabs" ? "elevenlabs" : "openai";
/**
 * How fast the TTS stand-in streams audio after its first byte, in multiples of real time, as a
 * provider does while it synthesises (OpenAI's speech endpoint streamed ~6× real time in a public
 * measurement: 39.5 s of audio in 6.4 s); 0 sends it all at once.
 */
const TTS_SPEED = Number(process.env.BENCH_VOICE_TTS_SPEED ?? 6);
/** Silero VAD's default minimum silence (agents-plugin-silero) and agents-js's default minimum endpointing delay. */
const VAD_MIN_SILENCE_MS = 550;
const MIN_ENDPOINTING_MS = 500;
const DESIGNED: DesignedLatency = {
  endOfTurnMs: Math.max(VAD_MIN_SILENCE_MS, MIN_ENDPOINTING_MS, STAND_IN_STT_SILENCE_MS + STT_FINAL_MS),
  modelFirstTokenMs: MODEL_MS,
  ttsFirstByteMs: TTS_MS,
};
const GOALS = { overhead: 150, perToolCall: 20 };
/** The recruiter speaks a little faster than espeak-ng's default, to keep the bench short. */
const RECRUITER_WPM = 220;
/** A reply whose voiced span grows by more than this over the single session's has lost audio. */
const STRETCH_LIMIT_MS = 250;

const missing = [
  findLiveKitServer() === null && "livekit-server (see /work/shared/TOOLCHAIN.md)",
  !postgresAvailable() && "PostgreSQL 15 server binaries (Debian package `postgresql`)",
  !hasEspeak() && "espeak-ng (Debian package `espeak-ng`): the recruiter must speak real speech",
].filter(Boolean);
if (missing.length > 0) {
  console.warn(`voice bench SKIPPED: not found: ${missing.join("; ")}`);
  process.exit(0);
}

// rtc-node logs at debug level unless NODE_ENV is production; quiet it here, not in the worker.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
const { joinVoiceRecruiter, MIC_RATE } = await import("../packages/agent/test/live/voice-recruiter.js");
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (line: string) =>
  console.log(`[voice bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));
const lines = script.turns.map((turn) => turn.user);
log(`speaking ${lines.length} recruiter lines with espeak-ng`);
const speech: Pcm[] = await Promise.all(lines.map((line) => speakOrTone(line, MIC_RATE, RECRUITER_WPM)));

process.env.TURN_DETECTION ??= "vad"; // the worker inherits the environment
log(
  `starting livekit-server, PostgreSQL and the worker (turn detection ${process.env.TURN_DETECTION}, load average ${loadavg()[0]?.toFixed(1)})`,
);
const loadAtStart = loadavg();
const stack = await startLiveStack({
  departureTimeout: 1,
  modelFirstTokenDelayMs: MODEL_MS,
  ttsProvider: TTS_PROVIDER,
  ...(process.env.BENCH_VOICE_LOG_DIR && { logDir: process.env.BENCH_VOICE_LOG_DIR }),
});
const store = createPostgresStore({ connectionString: stack.databaseUrl });
const service = new ProfileService({ store, publisher: new CapturingPublisher() });
await fetch(`${stack.speech.controlURL}/latency`, {
  method: "PUT",
  body: JSON.stringify({ sttFinalMs: STT_FINAL_MS, ttsFirstByteMs: TTS_MS }),
});
await fetch(`${stack.speech.controlURL}/pace`, {
  method: "PUT",
  body: JSON.stringify({ ttsStreamSpeed: TTS_SPEED }),
});
await fetch(`${stack.speech.controlURL}/script`, { method: "PUT", body: JSON.stringify({ lines }) });
const workerRoot = stack.worker.child.pid as number;
const workerRssKiB = () => processTree(workerRoot).reduce((sum, pid) => sum + rssKiB(pid), 0);

async function cleanUp(code: number): Promise<never> {
  await store.close().catch(() => {});
  await stack.stop().catch(() => {});
  process.exit(code); // rtc-node's native handles keep the event loop alive
}
process.once("SIGINT", () => void cleanUp(130));
process.once("SIGTERM", () => void cleanUp(143));

async function newRecruiter(): Promise<{ recruiter: VoiceRecruiter; sessionId: string }> {
  const profile: JobProfile = await service.createSession({
    recruiter: script.session.recruiter,
    company: script.session.company,
    requirements: script.session.profile.requirements,
  });
  const { serverUrl, participantToken } = await issueRecruiterToken(profile, {
    livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
    agentName: stack.agentName,
    ttlSeconds: 900,
  });
  return { recruiter: await joinVoiceRecruiter(serverUrl, participantToken), sessionId: profile.sessionId };
}

/** Until the agent has spoken (if it will) and gone quiet, listening again. */
async function agentDoneSpeaking(recruiter: VoiceRecruiter, since: number, timeoutMs: number): Promise<void> {
  await until(
    "the agent to finish speaking",
    () => {
      const lastVoiced = recruiter.agentFrames.findLast((frame) => frame.voiced);
      return (
        recruiter.agentState() === "listening" &&
        (lastVoiced === undefined || lastVoiced.at < Date.now() - 500) &&
        (lastVoiced?.at ?? 0) > since
      );
    },
    timeoutMs,
  );
}

interface SpokenTurn extends TurnTimeline {
  script: number;
  /** First → last voiced frame of the agent's reply. */
  replySpanMs: number;
  /** Longest wait between two received frames of the reply (10 ms each). */
  maxFrameGapMs: number;
}

/** One recruiter speaking turns `from`..`from + count - 1` of the script, each after the agent finished. */
async function speakTurns(recruiter: VoiceRecruiter, count: number): Promise<SpokenTurn[]> {
  await agentDoneSpeaking(recruiter, 0, 180_000); // the greeting (the job process may still be starting)
  const turns: SpokenTurn[] = [];
  for (let index = 0; index < count; index++) {
    await sleep(300);
    const { speechEndedAt } = await recruiter.say(speech[index] as Pcm);
    const first = await until(
      `the agent's answer to turn ${index}`,
      () => recruiter.agentFrames.find((frame) => frame.voiced && frame.at > speechEndedAt),
      60_000,
    );
    await agentDoneSpeaking(recruiter, first.at, 120_000);
    const reply = recruiter.agentFrames.filter((frame) => frame.at >= first.at);
    const voiced = reply.filter((frame) => frame.voiced);
    const lastVoiced = voiced.at(-1) ?? first;
    const inSpan = reply.filter((frame) => frame.at <= lastVoiced.at);
    turns.push({
      script: index,
      speechEndedAt,
      firstAudioAt: first.at,
      toolCalls: script.turns[index]?.assistant.toolCalls.length ?? 0,
      replySpanMs: lastVoiced.at - first.at,
      maxFrameGapMs: Math.max(
        0,
        ...inSpan.slice(1).map((frame, at) => frame.at - (inSpan[at]?.at ?? frame.at)),
      ),
    });
  }
  return turns;
}

const ms = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(0) : "–";
const p95 = (values: number[]) => percentile(values, 95);

try {
  // 0. The transport alone: what two audio legs cost before any agent is involved.
  log("one audio leg through livekit-server, rtc-node to rtc-node, 20 tones");
  const legs = await audioLegMs(stack.livekit, joinVoiceRecruiter, MIC_RATE);
  printTable(
    "One audio leg alone (rtc-node microphone → livekit-server → rtc-node listener; a voice turn has two: the recruiter's speech in, the agent's reply out)",
    ["", "n", "p50 ms", "p95 ms", "max ms", "goal"],
    [timingRow("tone's first frame sent → first voiced frame read", legs)],
  );

  // 1. One session: the breakdown.
  const idleRss = workerRssKiB();
  log(`one session, ${TURNS} spoken turns`);
  const single = await newRecruiter();
  const singleTurns = await speakTurns(single.recruiter, TURNS);
  await single.recruiter.leave();
  const commits = (
    await stack.postgres.sql(
      `select (extract(epoch from created_at) * 1000)::float8 from public.job_profile_events
        where session_id = '${single.sessionId}' and seq > 0 order by seq;`,
    )
  )
    .split("\n")
    .filter(Boolean)
    .map(Number);
  const phases = singleTurns
    .map((turn) => phasesOf(turn, stack.speech.heard, stack.model.timings, stack.speech.spokenTimed, commits))
    .filter((phase): phase is TurnPhases => phase !== undefined);
  for (const [index, turn] of singleTurns.entries()) {
    const phase = phasesOf(turn, stack.speech.heard, stack.model.timings, stack.speech.spokenTimed, commits);
    log(`turn ${index}: ${JSON.stringify({ total: totalMs(turn), toolCalls: turn.toolCalls, ...phase })}`);
  }
  const recorded = await store.turnLatency(single.sessionId);
  const designedNote = `designed end-of-turn wait ${DESIGNED.endOfTurnMs} ms = max(Silero min silence ${VAD_MIN_SILENCE_MS}, min endpointing ${MIN_ENDPOINTING_MS}, STT stand-in ${STAND_IN_STT_SILENCE_MS} silence + ${STT_FINAL_MS} final)`;
  const header = ["", "n", "p50 ms", "p95 ms", "max ms", "goal"];
  const of = (key: keyof TurnPhases) =>
    phases.map((phase) => phase[key]).filter((value): value is number => value !== undefined);
  printTable(
    `Voice turn, one session (stand-ins: model first token ${MODEL_MS} ms, TTS first byte ${TTS_MS} ms; ${designedNote})`,
    header,
    [
      timingRow("end of speech → first agent audio", singleTurns.map(totalMs)),
      timingRow("  STT final (stand-in silence + delay, audio trip)", of("sttFinal")),
      timingRow("  final transcript → model request (endpointing)", of("finalToModel")),
      timingRow("  model first token (stand-in, Σ per turn)", of("modelFirstToken")),
      timingRow("  model answer → first change committed (end of turn)", of("answerToFirstCommit")),
      timingRow("  per tool call (first commit → next request)", of("perToolCall"), GOALS.perToolCall),
      timingRow("  last change committed → next model request", of("lastCommitToRequest")),
      timingRow("  model answer → TTS request", of("modelToTts")),
      timingRow("  TTS first byte (stand-in)", of("ttsFirstByte")),
      timingRow("  TTS first byte → recruiter's first frame", of("transport")),
      timingRow(
        "our overhead",
        singleTurns.map((turn) => overheadMs(turn, DESIGNED)),
        GOALS.overhead,
      ),
    ],
  );
  const recordedOf = (key: "endOfUtteranceDelayMs" | "llmTtftMs" | "ttsTtfbMs" | "endToEndMs") =>
    recorded.map((turn) => turn[key]).filter((value): value is number => value !== undefined);
  printTable(`The agent's own turn metrics for that session (GET /v1/sessions/{id}/metrics)`, header, [
    timingRow("EOU delay (VAD end of speech → turn decided)", recordedOf("endOfUtteranceDelayMs")),
    timingRow("LLM time to first token", recordedOf("llmTtftMs")),
    timingRow("TTS time to first byte", recordedOf("ttsTtfbMs")),
    timingRow("end to end (EOU + LLM + TTS)", recordedOf("endToEndMs")),
  ]);
  const baselineSpan = new Map(singleTurns.map((turn) => [turn.script, turn.replySpanMs]));

  // 2. Sessions at once, until the overhead or the audio breaks.
  const rows: string[][] = [];
  for (const level of LEVELS) {
    log(`${level} sessions at once, ${LEVEL_TURNS} spoken turns each`);
    const ticks = machineTicks();
    const joined = await Promise.all(Array.from({ length: level }, () => newRecruiter()));
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, workerRssKiB());
    }, 500);
    const results = await Promise.allSettled(
      joined.map(({ recruiter }) => speakTurns(recruiter, LEVEL_TURNS)),
    );
    clearInterval(sampler);
    const now = machineTicks();
    const busy = ((now.busy - ticks.busy) / Math.max(1, now.total - ticks.total)) * cpus().length;
    await Promise.all(joined.map(({ recruiter }) => recruiter.leave().catch(() => {})));
    const turns = results.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
    const failed = results.filter((result) => result.status === "rejected");
    for (const failure of failed)
      log(`a session failed: ${String((failure as PromiseRejectedResult).reason)}`);
    const overheads = turns.map((turn) => overheadMs(turn, DESIGNED));
    const stretch = turns.map(
      (turn) => turn.replySpanMs - (baselineSpan.get(turn.script) ?? turn.replySpanMs),
    );
    const gaps = turns.map((turn) => turn.maxFrameGapMs);
    // Broken: a session failed or the agent's audio did not arrive whole. The overhead goal is judged
    // on its own (it already fails with one session on this machine), so the levels go on past it.
    const broken = failed.length > 0 || p95(stretch) > STRETCH_LIMIT_MS;
    rows.push([
      String(level),
      `${turns.length}/${level * LEVEL_TURNS}`,
      ms(percentile(turns.map(totalMs), 50)),
      ms(p95(turns.map(totalMs))),
      ms(percentile(overheads, 50)),
      ms(p95(overheads)),
      ms(p95(stretch)),
      ms(Math.max(0, ...gaps)),
      ((peakRss - idleRss) / 1024 / level).toFixed(0),
      busy.toFixed(2),
      broken ? "broken" : "held",
      p95(overheads) <= GOALS.overhead ? "met" : "NOT met",
    ]);
    // Let the rooms empty and the job processes end before the next level.
    await sleep(5_000);
    if (broken) break;
  }
  printTable(
    `Voice sessions at once (${LEVEL_TURNS} turns each; goal: overhead p95 ≤ ${GOALS.overhead} ms and the reply's audio intact, for ≥ 10 sessions)`,
    [
      "sessions",
      "turns",
      "total p50",
      "total p95",
      "overhead p50",
      "overhead p95",
      "reply stretch p95",
      "max frame gap",
      "worker MiB/session",
      "busy cores",
      "audio",
      "overhead goal",
    ],
    rows,
  );
  console.log(
    `\nSpeech synthesis: ${TTS_PROVIDER} against its stand-in (BENCH_VOICE_TTS), streaming ${TTS_SPEED > 0 ? `${TTS_SPEED}× faster than real time` : "all at once"} after its first byte (BENCH_VOICE_TTS_SPEED).` +
      `\nMachine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${loadAtStart.map((value) => value.toFixed(1)).join(" ")}, at end ${loadavg()
        .map((value) => value.toFixed(1))
        .join(" ")}. ` +
      `Reply stretch: the agent reply's voiced span less the same reply's with one session (lost or late audio shows as growth; > ${STRETCH_LIMIT_MS} ms counts as broken).`,
  );
  await cleanUp(0);
} catch (error) {
  console.error(error);
  console.error(
    `stand-ins: STT got ${stack.speech.heardBytes} bytes, heard ${JSON.stringify(stack.speech.heard)}; TTS spoke ${JSON.stringify(stack.speech.spoken)}; model answered ${stack.model.timings.length} requests`,
  );
  await cleanUp(1);
}
