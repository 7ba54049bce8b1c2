/** 3. Live text sessions at once through one worker: concurrency levels of recruiters over rtc-node. */
import { printTable, stats } from "../table.js";
import { sleep, until, wallNow } from "./clock.js";
import type { LiveBench } from "./context.js";
import { cpuTicks, machineTicks, ticksOfProcesses } from "./procfs.js";
import { type JoinAsRecruiter, joinTracked, leaveAll, type Tracked, typeTurns } from "./recruiters.js";
import { committedAt } from "./sessions.js";
import { mib, ms, seconds } from "./units.js";
import { busyCores, type WorkerMemory } from "./worker-stats.js";

export interface LevelResult {
  sessions: number;
  joined: number;
  /** Recruiters carried over from the level before (still mid-script, their agents running). */
  carried: number;
  rampMs: number;
  latencies: number[];
  committed: number;
  lost: number;
  gaps: number;
  outOfOrder: number;
  duplicates: number;
  stalls: number;
  /** Turns typed in all, and the turns asked for (fewer typed when the time bound cut the run short). */
  turns: number;
  turnsAsked: number;
  memory: WorkerMemory;
  peakRss: number;
  runMs: number;
  /** CPU time of the worker's processes during the run, in cores. */
  cores: number;
  /** Busy CPU of the whole machine during the run, in cores (the worker, this bench, livekit-server, PostgreSQL, anything else). */
  machineCores: number;
  /** CPU of the worker's processes over 3 s with every session idle, in cores. */
  idleCores: number;
  /** CPU during the run, in cores, of what else shares the machine: livekit-server, PostgreSQL, this bench. */
  stackCores: { livekit: number; postgres: number; bench: number };
  note: string;
}

export interface LoadOptions {
  join: JoinAsRecruiter;
  /** Turns each recruiter types per level. */
  turnsPerLevel: number;
  /** How long each level may type before the remaining turns are dropped. */
  levelRunMs: number;
}

/**
 * One concurrency level. Recruiters from the level before who are mid-script stay (their job
 * processes are warm); new ones join until `sessions` are in, all wait for their agents, then
 * every recruiter types its next `turnsPerLevel` turns at the same time.
 */
export async function level(
  bench: LiveBench,
  { join, turnsPerLevel, levelRunMs }: LoadOptions,
  sessions: number,
  carried: Tracked[],
): Promise<{ result: LevelResult; carry: Tracked[] }> {
  const { intake, worker, log, cleanups } = bench;
  const { script } = intake;
  const keep = carried.filter((one) => one.cursor < script.turns.length).slice(0, sessions);
  const leaving = carried.filter((one) => !keep.includes(one));
  await leaveAll(leaving);
  await worker.waitForIdlePool(keep.length);
  const fresh: Tracked[] = [];
  const leaveFresh = () => leaveAll(fresh);
  cleanups.push(leaveFresh);
  let note = "";
  // Ramp: every new recruiter joins (its room dispatches a job), then all wait for their agents;
  // the worker warms job processes one at a time, so agents arrive seconds apart.
  const rampStarted = wallNow();
  const launchesBefore = worker.launchFailures();
  for (let i = keep.length; i < sessions; i += 1) fresh.push(await joinTracked(bench, join));
  // Bounded: a machine too slow to warm a process every ~8 s reports how far it got.
  const rampTimeout = 30_000 + fresh.length * 8_000;
  await until(
    "every agent's snapshot",
    () => fresh.every((one) => one.snapshotAt !== null),
    rampTimeout,
    100,
  ).catch(() => {
    note = `only ${fresh.filter((one) => one.snapshotAt !== null).length} of ${fresh.length} new agents joined within ${seconds(rampTimeout)} s`;
  });
  const failures = worker.launchFailures() - launchesBefore;
  if (failures > 0)
    note += `${note ? "; " : ""}the worker logged ${failures} failed job launch(es)/process initialisations`;
  const joinedFresh = fresh.filter((one) => one.snapshotAt !== null);
  const active = [...keep, ...joinedFresh];
  const rampMs = Math.max(0, ...joinedFresh.map((one) => (one.snapshotAt ?? rampStarted) - rampStarted));
  // Greetings played out: every session idle before the measured part.
  await until(
    "the greetings",
    () => joinedFresh.every((one) => one.client.agentLines.length > 0),
    60_000,
    100,
  ).catch(() => {});
  await sleep(1000);
  const memory = worker.memory();
  // What the sessions cost while nobody types (agents idle, after their greetings).
  const idleTicks = worker.ticks();
  await sleep(3000);
  const idleCores = (worker.ticks() - idleTicks) / 100 / 3;
  log(
    `${sessions} sessions (${keep.length} carried over): ${active.length} agents, the new ones in ${seconds(rampMs)} s; worker RSS ${mib(memory.rss)} MiB in ${memory.processes} processes`,
  );

  let peakRss = memory.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, worker.memory().rss);
  }, 1000);
  const seqBefore = new Map(active.map((one) => [one, one.maxSeq]));
  const turnsAsked = active.reduce(
    (sum, one) => sum + Math.min(turnsPerLevel, script.turns.length - one.cursor),
    0,
  );
  const ticksBefore = worker.ticks();
  const stackBefore = stackTicks();
  const machineBefore = machineTicks();
  const runStarted = wallNow();
  const deadline = Date.now() + levelRunMs;
  const typed = await Promise.all(active.map((one) => typeTurns(bench, one, turnsPerLevel, deadline)));
  const runMs = wallNow() - runStarted;
  const cores = (worker.ticks() - ticksBefore) / 100 / (runMs / 1000);
  const machineCores = busyCores(machineBefore);
  const stackAfter = stackTicks();
  const coresOf = (key: keyof typeof stackAfter) =>
    (stackAfter[key] - stackBefore[key]) / 100 / (runMs / 1000);
  clearInterval(sampler);
  await sleep(2000);

  // This level's changes: every seq a session committed after the run began.
  const committed = await committedAt(
    bench,
    active.map((one) => one.sessionId),
  );
  const latencies: number[] = [];
  let lost = 0;
  let gaps = 0;
  let total = 0;
  for (const one of active) {
    const from = seqBefore.get(one) ?? 0;
    for (const [seq, at] of committed.get(one.sessionId) ?? new Map<number, number>()) {
      if (seq <= from) continue;
      total += 1;
      const arrived = one.arrivals.get(seq);
      if (arrived === undefined) lost += 1;
      else latencies.push(arrived - at);
    }
    for (let seq = from + 1; seq <= one.maxSeq; seq += 1) if (!one.arrivals.has(seq)) gaps += 1;
  }
  // Recruiters whose agent never came leave now; the others may go on at the next level.
  const absent = fresh.filter((one) => one.snapshotAt === null);
  await leaveAll(absent);
  cleanups.splice(cleanups.indexOf(leaveFresh), 1);
  return {
    carry: active,
    result: {
      sessions,
      joined: active.length,
      carried: keep.length,
      rampMs,
      latencies,
      committed: total,
      lost,
      gaps,
      outOfOrder: active.reduce((sum, one) => sum + one.outOfOrder, 0),
      duplicates: active.reduce((sum, one) => sum + one.duplicates, 0),
      stalls: typed.reduce((sum, one) => sum + one.stalls, 0),
      turns: typed.reduce((sum, one) => sum + one.turns, 0),
      turnsAsked,
      memory,
      peakRss,
      runMs,
      cores,
      machineCores,
      idleCores,
      stackCores: { livekit: coresOf("livekit"), postgres: coresOf("postgres"), bench: coresOf("bench") },
      note,
    },
  };
}

/**
 * CPU so far of the rest of the stack: livekit-server, PostgreSQL (its server processes; a backend
 * that exited meanwhile no longer counts) and this bench process (the recruiters over rtc-node, the
 * model stand-in).
 */
function stackTicks() {
  return {
    livekit: ticksOfProcesses((command) => command.includes("livekit-server")),
    // The postmaster runs as …/bin/postgres; its backends retitle themselves "postgres: …".
    postgres: ticksOfProcesses((command) => /(^|\/)postgres(:|\s|$)/.test(command)),
    bench: cpuTicks(process.pid),
  };
}

export function printLoadTable(
  baseline: WorkerMemory,
  levels: readonly LevelResult[],
  {
    levelSizes,
    turnsPerLevel,
    goalMs,
    tsxWorker,
    warmedSummary,
  }: {
    levelSizes: readonly number[];
    turnsPerLevel: number;
    goalMs: number;
    tsxWorker: boolean;
    warmedSummary: string;
  },
): void {
  const rows: string[][] = [
    [
      "0 (baseline)",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      String(baseline.processes),
      mib(baseline.rss),
      "",
      "",
      mib(baseline.pss),
      "",
    ],
  ];
  for (const result of levels) {
    const s = stats(result.latencies);
    const met = result.joined === result.sessions && s.p95 < goalMs && result.lost === 0;
    rows.push([
      String(result.sessions),
      `${result.joined}/${result.sessions} (${result.carried} carried)`,
      seconds(result.rampMs),
      `${result.committed} (${s.n} recv)`,
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      `${result.lost}/${result.gaps}/${result.outOfOrder}`,
      `${result.turns}/${result.turnsAsked}, ${result.stalls} stalled, ${seconds(result.runMs)} s`,
      `${result.idleCores.toFixed(2)} / ${result.cores.toFixed(2)} of ${result.machineCores.toFixed(2)}`,
      `${result.stackCores.livekit.toFixed(2)} / ${result.stackCores.postgres.toFixed(2)} / ${result.stackCores.bench.toFixed(2)}`,
      String(result.memory.processes),
      `${mib(result.memory.rss)} (peak ${mib(result.peakRss)})`,
      mib(result.memory.rss / Math.max(1, result.joined)),
      mib((result.memory.rss - baseline.rss) / Math.max(1, result.joined)),
      mib(result.memory.pss),
      result.sessions === Math.max(...levelSizes) ? (met ? "met" : "NOT met") : "",
    ]);
  }
  printTable(
    `3. Live text sessions at once through one worker (recruiters over @livekit/rtc-node, each typing ${turnsPerLevel} script turns per level, then on at the next; committed → message received by the recruiter, ms; memory = the worker's process tree from /proc after the ramp, MiB)`,
    [
      "sessions",
      "agents",
      "ramp s (new agents)",
      "changes",
      "p50",
      "p95",
      "max",
      "lost/gaps/out-of-order",
      "turns typed, stalled, run time",
      "CPU cores: worker idle / typing of machine",
      "typing: livekit-server / PostgreSQL / bench",
      "procs",
      "RSS",
      "RSS/session",
      "(RSS−base)/session",
      "PSS",
      `goal: ${Math.max(...levelSizes)} sessions, p95 < ${goalMs} ms, 0 lost`,
    ],
    rows,
  );
  for (const result of levels) if (result.note) console.log(`${result.sessions} sessions: ${result.note}`);
  console.log(
    [
      "lost = committed in the store's log but never received; gaps = seqs missing below the highest received; duplicates: " +
        levels.map((result) => result.duplicates).join("/"),
      `RSS counts shared pages once per process (PSS splits them); the tree is ${tsxWorker ? "the tsx launcher, " : ""}the worker, its inference process (turn detector), one process per job and one warmed idle process.`,
      `A job process, warmed and idle: ${warmedSummary}. The worker warms one at a time (agents-js serialises process initialisation), so ramping up N sessions takes about N warm-ups.`,
      "Text sessions: recruiters send no audio, so VAD and speech-to-text are idle; and with no microphone published the agent synthesises no speech (text only, voice-output.ts).",
      "Anchor: a LiveKit user reports 4–5 rooms per core with the default process-per-job model (livekit/agents#4483), i.e. 8–10 rooms on this 2-core machine.",
    ].join("\n"),
  );
}
