/**
 * The live path, end to end on this machine: a real livekit-server, PostgreSQL 15, the real worker
 * (`voice-onboarding-agent start`, one job process per room) with the scripted model stand-in and
 * the speech stand-ins (packages/agent/test/harness/live-stack.ts), recruiters in Chromium
 * (`<VoiceOnboarding tokenFetcher/>`, bench/live/page.tsx) or over @livekit/rtc-node.
 *
 *   pnpm bench:live        (also the last step of `pnpm bench`)
 *
 * 1. Tool call committed → card painted in Chromium. One recruiter per session types the script's
 *    lines into the widget (text only). Committed = `job_profile_events.created_at` of the message,
 *    stamped by PostgreSQL inside the job process's single-statement commit transaction; painted = the
 *    page's first frame painted after the card DOM changed. Both on CLOCK_REALTIME of this machine.
 * 2. Start pressed → snapshot painted, Start pressed → opening line painted: a fresh page per start,
 *    its token endpoint (here) creating a new session, a (silent) fake microphone, a warmed job
 *    process waiting as in a worker's idle pool.
 * 3. Live text sessions at once through one worker: N recruiters over rtc-node type at the same
 *    time; committed → message received (read whole and decoded) by the recruiter, lost messages (in
 *    the store's log, never received), the CPU and memory of the worker's process tree. Levels build
 *    on each other: each recruiter types 8 turns per level and carries on at the next one (its job
 *    process stays), so 1 → 10 → 25 warms 26 job processes rather than 36.
 *
 * Environment: BENCH_LIVE_PARTS (which of "ui,start,load" to run, default all),
 * BENCH_LIVE_UI_SESSIONS (intakes typed through Chromium, default 1: 34 changes), BENCH_LIVE_STARTS
 * (default 10), BENCH_LIVE_START_INPUT (`voice`, the default, or `text`: the starts type), BENCH_LIVE_LEVELS (concurrent sessions, default "1,10,25"), BENCH_LIVE_TURNS_PER_LEVEL
 * (default 8), BENCH_LIVE_LEVEL_RUN_S (typing time per level before the remaining turns are dropped,
 * default 60), BENCH_LIVE_THINK_MS (pause after the agent answers, default 2000: the agent takes 30 typed lines a
 * minute after a burst of 5, and faster typing is refused),
 * BENCH_LIVE_WORKER (`bundled`, default: the agent bundled to JavaScript as it ships; `tsx`: the
 * live stack's worker on TypeScript sources), BENCH_LIVE_CPU_PROFILE (file for a Chromium CPU
 * profile of the typed intake's page), BENCH_LIVE_TRACE (file for a Chromium performance trace of
 * the typed intake: every process's threads, open in Perfetto), BENCH_LIVE_LOG_DIR (a folder for
 * each stack process's output), BENCH_WORKER_NODE_ARGS (Node flags for the worker and its job
 * processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), BENCH_LIVE_PAGE_CSS (a stylesheet added to the typed intake's
 * page, for A/B runs: e.g. `* { backdrop-filter: none !important }`), BENCH_LIVE_TTS (`openai`, the default, or `elevenlabs`: the
 * speech provider the worker uses against its stand-in), BENCH_LIVE_GPU (`swiftshader`:
 * the page's Chromium composites through ANGLE's SwiftShader, an emulated GPU, instead of software), CHROMIUM_PATH.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { CHROMIUM_EXECUTABLE } from "../chromium.js";
import { CapturingPublisher } from "../packages/agent/src/publish/publisher.js";
import { ProfileService } from "../packages/agent/src/service/index.js";
import { createPostgresStore } from "../packages/agent/src/store/postgres.js";
import {
  DEFAULT_SCRIPT,
  type LiveStack,
  type StackProcess,
  startLiveStack,
} from "../packages/agent/test/harness/live-stack.js";
import { findLiveKitServer } from "../packages/agent/test/harness/livekit.js";
import { postgresAvailable } from "../packages/agent/test/harness/postgres.js";
import { freePort } from "../packages/agent/test/harness/process.js";
import { startLog } from "./live/clock.js";
import type { LiveBench } from "./live/context.js";
import { loadIntakeScript } from "./live/intake-script.js";
import { type LevelResult, level, printLoadTable } from "./live/load.js";
import { machineTicks } from "./live/procfs.js";
import { leaveAll, type Tracked } from "./live/recruiters.js";
import { stopProcessGroup, workerPortOf } from "./live/stack-process.js";
import { printStartTable, type StartInput, type StartResult, starts } from "./live/starts.js";
import { printUiTable, typedIntakeInChromium, type UiResult } from "./live/ui-intake.js";
import { mib, ms } from "./live/units.js";
import {
  bundlePage,
  launchBrowser,
  openPage,
  type PageCompositing,
  pageRecord,
  servePage,
} from "./live/widget-page.js";
import { bundleWorker } from "./live/worker-bundle.js";
import { busyCores, type WorkerMemory, watchWorker } from "./live/worker-stats.js";

const UI_SESSIONS = Number(process.env.BENCH_LIVE_UI_SESSIONS ?? 1);
const STARTS = Number(process.env.BENCH_LIVE_STARTS ?? 10);
const START_INPUT: StartInput = process.env.BENCH_LIVE_START_INPUT === "text" ? "text" : "voice";
const LEVELS = (process.env.BENCH_LIVE_LEVELS ?? "1,10,25").split(",").map(Number);
const THINK_MS = Number(process.env.BENCH_LIVE_THINK_MS ?? 2000);
/** Turns each recruiter types per level: a recruiter carries on at the next level, its job process already warm. */
const TURNS_PER_LEVEL = Number(process.env.BENCH_LIVE_TURNS_PER_LEVEL ?? 8);
/**
 * `bundled` (default): the worker as it ships, the agent bundled to JavaScript and run by Node
 * (bench/live/worker-bundle.ts); `tsx`: the live stack's own worker, TypeScript sources through tsx.
 */
const WORKER = process.env.BENCH_LIVE_WORKER === "tsx" ? "tsx" : "bundled";
/** How long each concurrency level may type before the remaining turns are dropped (a bound, not a goal). */
const LEVEL_RUN_MS = Number(process.env.BENCH_LIVE_LEVEL_RUN_S ?? 60) * 1000;
/** Where to write a Chromium CPU profile of the typed intake's page (unminified bundle), if anywhere. */
const CPU_PROFILE = process.env.BENCH_LIVE_CPU_PROFILE;
const PAGE_CSS = process.env.BENCH_LIVE_PAGE_CSS;
const TRACE = process.env.BENCH_LIVE_TRACE;
/** The worker's speech provider against its stand-in: `openai` (default, as the tests run it) or `elevenlabs` (the product's default, streamed over WebSocket). */
const TTS = process.env.BENCH_LIVE_TTS === "elevenlabs" ? "elevenlabs" : "openai";
const COMPOSITING: PageCompositing =
  process.env.BENCH_LIVE_GPU === "swiftshader" ? "swiftshader" : "software";
/** Node flags for the bundled worker; job processes inherit them (agents-js forks with execArgv). */
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const PARTS = new Set((process.env.BENCH_LIVE_PARTS ?? "ui,start,load").split(","));
const GOALS = { painted: 50, start: 1500, received: 100 };

// ---------------------------------------------------------------------------------------------
// Preconditions: a missing server or browser skips the bench loudly rather than failing `pnpm bench`.

const missing = [
  findLiveKitServer() === null && "livekit-server (see /work/shared/TOOLCHAIN.md)",
  !postgresAvailable() && "PostgreSQL 15 server binaries (Debian package `postgresql`)",
  (PARTS.has("ui") || PARTS.has("start")) &&
    !existsSync(CHROMIUM_EXECUTABLE) &&
    `Chromium at ${CHROMIUM_EXECUTABLE} (Debian package \`chromium\`)`,
].filter(Boolean);
if (missing.length > 0) {
  console.warn(`live bench SKIPPED: not found: ${missing.join("; ")}`);
  process.exit(0);
}

// rtc-node logs at debug level unless NODE_ENV is production; quiet it here without handing that
// setting to the worker, which inherits this environment.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
const { joinAsRecruiter } = await import("../packages/agent/test/live/recruiter-client.js");
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;

const { log, elapsed } = startLog();
const intake = await loadIntakeScript(DEFAULT_SCRIPT);

// ---------------------------------------------------------------------------------------------
// The stack

log(`starting livekit-server, PostgreSQL and the worker (load average ${loadavg()[0]?.toFixed(1)})`);
const loadAtStart = loadavg();
const stack: LiveStack = await startLiveStack({
  departureTimeout: 1,
  ttsProvider: TTS,
  logDir: process.env.BENCH_LIVE_LOG_DIR,
});
const workerDir = await mkdtemp(join(tmpdir(), "vo-live-worker-"));
let worker: StackProcess = stack.worker;
if (WORKER === "bundled") {
  try {
    // The same agent name and settings, so every dispatch goes to this worker.
    const cli = await bundleWorker(workerDir);
    await stopProcessGroup(stack.worker);
    worker = stack.spawn("worker", process.execPath, [...WORKER_NODE_ARGS, cli, "start"], {
      VOICE_ONBOARDING_WORKER_PORT: String(await freePort()),
    });
    await worker.waitFor(/registered worker/i, 60_000);
  } catch (error) {
    console.error(error);
    await stack.stop();
    await rm(workerDir, { recursive: true, force: true });
    process.exit(1);
  }
}
const store = createPostgresStore({ connectionString: stack.databaseUrl });
const service = new ProfileService({ store, publisher: new CapturingPublisher() });
const workerPort = WORKER === "bundled" ? workerPortOf(worker) : stack.env.VOICE_ONBOARDING_WORKER_PORT;
// Watched from here on: its output counts failed job launches from the start.
const workerStats = watchWorker(worker, workerPort, log);
log(
  `stack up: ${stack.livekit.url}, agent ${stack.agentName}, worker ${WORKER === "bundled" ? "bundled JS" : "tsx"}`,
);

const cleanups: (() => Promise<unknown>)[] = [];
let exiting = false;
async function cleanUp(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    await store.close().catch(() => {});
    await stack.stop().catch(() => {});
    await rm(workerDir, { recursive: true, force: true }).catch(() => {});
  }
  // rtc-node's native handles keep the event loop alive after every room has left.
  process.exit(code);
}
process.once("SIGINT", () => void cleanUp(130));
process.once("SIGTERM", () => void cleanUp(143));

const bench: LiveBench = { stack, service, intake, worker: workerStats, log, cleanups, thinkMs: THINK_MS };

// ---------------------------------------------------------------------------------------------
// Run

try {
  const before = Date.now();
  const pgNow = Number(
    (await stack.postgres.sql("select (extract(epoch from clock_timestamp()) * 1000)::float8;")).trim(),
  );
  const after = Date.now();
  const clocksAgree = pgNow >= before - 1 && pgNow <= after + 1;

  let ui: UiResult | null = null;
  let startResult: StartResult | null = null;
  let pageClockOffset = Number.NaN;
  let uiMachineCores = Number.NaN;
  let startMachineCores = Number.NaN;
  if (PARTS.has("ui") || PARTS.has("start")) {
    const pages = await servePage(bench, await bundlePage({ minify: CPU_PROFILE === undefined }));
    const browser = await launchBrowser(cleanups, COMPOSITING);
    if (PARTS.has("ui")) {
      log(
        `typing the script (${intake.script.turns.length} turns) into the widget, ${UI_SESSIONS} session(s)`,
      );
      const before = machineTicks();
      ui = await typedIntakeInChromium(bench, browser, pages, {
        sessions: UI_SESSIONS,
        cpuProfile: CPU_PROFILE,
        trace: TRACE,
        pageCss: PAGE_CSS,
      });
      uiMachineCores = busyCores(before);
    }
    if (PARTS.has("start")) {
      log(`${STARTS} starts, a new session each`);
      const before = machineTicks();
      startResult = await starts(bench, browser, pages, STARTS, START_INPUT);
      startMachineCores = busyCores(before);
    }
    const probe = await openPage(browser, pages.origin);
    pageClockOffset = (await pageRecord(probe)).clockOffsetMs;
    await probe.close();
  }

  const levels: LevelResult[] = [];
  let baseline: WorkerMemory | null = null;
  if (PARTS.has("load")) {
    await workerStats.waitForIdlePool();
    baseline = workerStats.memory();
    const load = { join: joinAsRecruiter, turnsPerLevel: TURNS_PER_LEVEL, levelRunMs: LEVEL_RUN_MS };
    let carry: Tracked[] = [];
    const leaveCarried = () => leaveAll(carry);
    cleanups.push(leaveCarried);
    for (const sessions of LEVELS) {
      log(`${sessions} concurrent session(s): ramping up`);
      const done = await level(bench, load, sessions, carry);
      carry = done.carry;
      levels.push(done.result);
    }
    await leaveCarried();
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  const loadAtEnd = loadavg();
  console.log(
    [
      "",
      `Live path: livekit-server ${stack.livekit.url}, PostgreSQL 15, the worker (\`start\`, process per job; ${WORKER === "bundled" ? "the agent bundled to JavaScript as it ships, run by Node" : "TypeScript sources through tsx, as the live stack starts it"}), scripted model and speech stand-ins (speech synthesis in ${TTS === "elevenlabs" ? "ElevenLabs" : "OpenAI"}'s wire format); all on 127.0.0.1.`,
      `Machine: ${cpus().length} cores, ${mib(totalmem() / 1024)} MiB RAM (${mib(freemem() / 1024)} free at the end); load average ${loadAtStart.map((l) => l.toFixed(1)).join(" ")} at start, ${loadAtEnd.map((l) => l.toFixed(1)).join(" ")} at the end (other work on the machine shows up here). Total ${elapsed()}.`,
      `Clocks: every time is CLOCK_REALTIME of this machine. PostgreSQL's clock_timestamp() read between Node's before/after: ${clocksAgree ? "yes" : "NO"} (${after - before} ms psql round trip); Chromium's performance clock is aligned to its Date.now() (offset ${ms(pageClockOffset)} ms, 1 ms resolution).`,
      "Committed = job_profile_events.created_at, PostgreSQL's now() in the job process's one-statement commit transaction (the commit completes ~1 ms later, so these read slightly high).",
    ].join("\n"),
  );

  if (ui) {
    printUiTable(ui, {
      sessions: UI_SESSIONS,
      finalVersion: intake.finalVersion,
      goalMs: GOALS.painted,
      machineCores: uiMachineCores,
    });
  }
  if (startResult) {
    printStartTable(startResult, {
      count: STARTS,
      input: START_INPUT,
      goalMs: GOALS.start,
      machineCores: startMachineCores,
      warmedSummary: workerStats.warmedSummary(),
    });
  }
  if (baseline) {
    printLoadTable(baseline, levels, {
      levelSizes: LEVELS,
      turnsPerLevel: TURNS_PER_LEVEL,
      goalMs: GOALS.received,
      tsxWorker: WORKER === "tsx",
      warmedSummary: workerStats.warmedSummary(),
    });
  }
  await cleanUp(0);
} catch (error) {
  console.error(error);
  console.error(worker.output().slice(-4000));
  await cleanUp(1);
}
