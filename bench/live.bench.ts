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
 * (default 10), BENCH_LIVE_LEVELS (concurrent sessions, default "1,10,25"), BENCH_LIVE_TURNS_PER_LEVEL
 * (default 8), BENCH_LIVE_LEVEL_RUN_S (typing time per level before the remaining turns are dropped,
 * default 60), BENCH_LIVE_THINK_MS (pause after the agent answers, default 1000),
 * BENCH_LIVE_WORKER (`bundled`, default: the agent bundled to JavaScript as it ships; `tsx`: the
 * live stack's worker on TypeScript sources), BENCH_LIVE_CPU_PROFILE (file for a Chromium CPU
 * profile of the typed intake's page), CHROMIUM_PATH.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { build } from "esbuild";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../chromium.js";
import { CapturingPublisher } from "../packages/agent/src/publish/publisher.js";
import { parseScript } from "../packages/agent/src/replay/script.js";
import { issueRecruiterToken } from "../packages/agent/src/server/tokens.js";
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
import { silence, toWav } from "../packages/agent/test/harness/speech/audio.js";
import type { RecruiterClient } from "../packages/agent/test/live/recruiter-client.js";
import type { LiveBenchApi, PageRecord } from "./live/page.js";
import {
  commandLine,
  cpuTicks,
  machineTicks,
  processTree,
  pssKiB,
  rssKiB,
  startTicks,
} from "./live/procfs.js";
import { bundleWorker } from "./live/worker-bundle.js";
import { serveFiles } from "./static-server.js";
import { percentile, printTable, stats, timingRow } from "./table.js";

const root = new URL("..", import.meta.url).pathname;
const UI_SESSIONS = Number(process.env.BENCH_LIVE_UI_SESSIONS ?? 1);
const STARTS = Number(process.env.BENCH_LIVE_STARTS ?? 10);
const LEVELS = (process.env.BENCH_LIVE_LEVELS ?? "1,10,25").split(",").map(Number);
const THINK_MS = Number(process.env.BENCH_LIVE_THINK_MS ?? 1000);
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
const PARTS = new Set((process.env.BENCH_LIVE_PARTS ?? "ui,start,load").split(","));
const GOALS = { painted: 50, start: 1500, received: 100 };

declare global {
  interface Window {
    liveBench: LiveBenchApi;
  }
}

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

// ---------------------------------------------------------------------------------------------
// Clocks and small helpers

/** CLOCK_REALTIME with sub-millisecond resolution: Date.now()'s clock, read through performance.now(). */
const clockOffset = (() => {
  const offsets = Array.from({ length: 50 }, () => Date.now() - (performance.timeOrigin + performance.now()));
  return percentile(offsets, 50);
})();
const wallNow = () => performance.timeOrigin + performance.now() + clockOffset;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const seconds = (value: number) => (value / 1000).toFixed(1);
const mib = (kib: number) => (kib / 1024).toFixed(0);
const benchStarted = wallNow();
const elapsed = () => `${seconds(wallNow() - benchStarted)} s`;
const log = (line: string) => console.log(`[live bench ${elapsed()}] ${line}`);

async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// The script: what the recruiter types, and how many committed changes each turn makes

const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));
const recording = JSON.parse(
  await readFile(DEFAULT_SCRIPT.replace(/\.script\.json$/, ".recording.json"), "utf8"),
) as { messages: unknown[]; toolResults: { turn: number; name: string; isError: boolean }[] };
/** Tool calls that change the profile: every accepted call but the read-only status query. */
const writes = recording.toolResults.filter(
  (result) => !result.isError && result.name !== "get_profile_status",
);
/** The profile version once turn i's tool calls are committed (one version per change). */
const versionAfterTurn = script.turns.map((_, turn) => writes.filter((result) => result.turn <= turn).length);
const finalVersion = versionAfterTurn.at(-1) ?? 0;
if (finalVersion !== recording.messages.length - 1) {
  throw new Error(
    `the recording has ${recording.messages.length - 1} changes, its tool results ${finalVersion}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The stack

/** The health/status port a worker listens on, from its log ("Server is listening on port N"). */
function workerPortOf(process_: StackProcess): string {
  const port = /listening on port (\d+)/.exec(process_.output())?.[1];
  if (port === undefined) throw new Error("the worker did not say which port it listens on");
  return port;
}

/** Stops a stack process and every process below it (tsx's child, job processes) in its process group. */
async function stopProcessGroup({ child }: StackProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const tree = processTree(child.pid);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }, 10_000);
  await exited;
  // tsx's launcher can exit before the worker under it lets go of its port.
  await until(
    "the old worker's processes to exit",
    () => tree.every((pid) => !existsSync(`/proc/${pid}`)),
    15_000,
    100,
  );
  clearTimeout(timer);
}

log(`starting livekit-server, PostgreSQL and the worker (load average ${loadavg()[0]?.toFixed(1)})`);
const loadAtStart = loadavg();
const stack: LiveStack = await startLiveStack({ departureTimeout: 1 });
const workerDir = await mkdtemp(join(tmpdir(), "vo-live-worker-"));
let worker: StackProcess = stack.worker;
if (WORKER === "bundled") {
  try {
    // The same agent name and settings, so every dispatch goes to this worker.
    const cli = await bundleWorker(workerDir);
    await stopProcessGroup(stack.worker);
    worker = stack.spawn("worker", process.execPath, [cli, "start"], {
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
const workerRoot = worker.child.pid as number;
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

function newSession(): Promise<JobProfile> {
  return service.createSession({
    recruiter: script.session.recruiter,
    company: script.session.company,
    requirements: script.session.profile.requirements,
  });
}

function tokenFor(profile: JobProfile) {
  return issueRecruiterToken(profile, {
    livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
    agentName: stack.agentName,
    ttlSeconds: 900,
  });
}

/** Commit times (ms, CLOCK_REALTIME) of every change (seq > 0) of these sessions, from PostgreSQL. */
async function committedAt(sessionIds: readonly string[]): Promise<Map<string, Map<number, number>>> {
  const byId = new Map(sessionIds.map((id) => [id, new Map<number, number>()]));
  if (sessionIds.length === 0) return byId;
  const list = sessionIds.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ");
  const rows = await stack.postgres.sql(
    `select session_id, seq, (extract(epoch from created_at) * 1000)::float8
       from public.job_profile_events where session_id in (${list}) and seq > 0;`,
  );
  for (const row of rows.split("\n")) {
    const [id, seq, at] = row.split("|");
    if (id && seq && at) byId.get(id)?.set(Number(seq), Number(at));
  }
  return byId;
}

/** The worker's processes: the tsx launcher, the worker, its inference process and its job processes. */
function workerProcesses() {
  const pids = processTree(workerRoot);
  const jobs = pids.filter((pid) => commandLine(pid).includes("job_proc_lazy_main"));
  return { pids, jobs };
}

function workerMemory() {
  const { pids, jobs } = workerProcesses();
  return {
    processes: pids.length,
    jobProcesses: jobs.length,
    rss: pids.reduce((sum, pid) => sum + rssKiB(pid), 0),
    pss: pids.reduce((sum, pid) => sum + pssKiB(pid), 0),
  };
}

function warmedSummary(): string {
  const all = [...warmed.values()];
  if (all.length === 0) return "not measured";
  const cpu = all.map((one) => one.cpuSeconds);
  const rss = all.map((one) => one.rssKiB);
  return `${percentile(cpu, 50).toFixed(1)} s of CPU to warm (median of ${all.length}, max ${Math.max(...cpu).toFixed(1)} s), ${mib(percentile(rss, 50))} MiB RSS`;
}

/** Busy cores of the whole machine since `before` (everything running on it, not only this bench). */
function busyCores(before: ReturnType<typeof machineTicks>): number {
  const now = machineTicks();
  return ((now.busy - before.busy) / Math.max(1, now.total - before.total)) * cpus().length;
}

/** CPU time of the worker's processes so far, in clock ticks (1/100 s). */
function workerTicks(): number {
  return workerProcesses().pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
}

async function activeJobs(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${workerPort}/worker`);
  return ((await response.json()) as { active_jobs: number }).active_jobs;
}

/** Lines of the worker's output saying a job could not be launched (e.g. a process too slow to initialise). */
let launchFailureLines = 0;
for (const output of [worker.child.stdout, worker.child.stderr]) {
  output?.on("data", (chunk: Buffer) => {
    launchFailureLines += (
      chunk.toString("utf8").match(/error launching job|initialization timed out/g) ?? []
    ).length;
  });
}
const launchFailures = () => launchFailureLines;

/** Each warmed job process seen idle: the CPU it took to get there and its memory. */
const warmed = new Map<number, { cpuSeconds: number; rssKiB: number }>();

/**
 * Waits until `jobs` jobs run and one more job process is up and idle (its CPU time still over
 * half a second): the worker's warmed process, which the next dispatch takes.
 */
async function waitForIdlePool(jobs = 0, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const processes = workerProcesses().jobs;
    const newest = processes.sort((a, b) => startTicks(b) - startTicks(a))[0];
    if ((await activeJobs().catch(() => -1)) === jobs && processes.length === jobs + 1 && newest) {
      const before = cpuTicks(newest);
      await sleep(500);
      const after = cpuTicks(newest);
      if (after - before <= 4) {
        if (!warmed.has(newest)) warmed.set(newest, { cpuSeconds: after / 100, rssKiB: rssKiB(newest) });
        return true;
      }
    } else {
      await sleep(250);
    }
  }
  log(`warning: the worker did not settle to ${jobs} job(s) and one idle process within ${timeoutMs} ms`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// The page and its token endpoint

/** The session the page's token endpoint issues tokens for; created on its first call. */
let tokenSession: { profile: Promise<JobProfile> | null; fetches: number } | null = null;

async function bundlePage(): Promise<Map<string, Uint8Array>> {
  const result = await build({
    entryPoints: { page: `${root}bench/live/page.tsx` },
    bundle: true,
    splitting: true,
    minify: CPU_PROFILE === undefined,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    outdir: "/bench-live",
    write: false,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "@voice-onboarding/widget": `${root}packages/widget/src/index.ts`,
      "@voice-onboarding/protocol": `${root}packages/protocol/src/index.ts`,
      // The widget's own copy: the page patches the Room class the widget uses.
      "livekit-client": `${root}packages/widget/node_modules/livekit-client`,
    },
  });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>live bench</title>
<link rel="stylesheet" href="/page.css"></head>
<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  const files = new Map<string, Uint8Array>([["/", new TextEncoder().encode(html)]]);
  for (const file of result.outputFiles) files.set(file.path.replace("/bench-live", ""), file.contents);
  return files;
}

/** The page's files, and `POST /token`: a token for the current session (a new one per Start). */
function serve(files: Map<string, Uint8Array>): Promise<Server> {
  return serveFiles(files, (path, request, response) => {
    if (path !== "/token" || request.method !== "POST") return false;
    const session = tokenSession;
    if (session === null) {
      response.writeHead(409).end();
      return true;
    }
    session.fetches += 1;
    // A later call (the widget asking again for a missing agent) gets a token for the same session.
    session.profile ??= newSession();
    session.profile
      .then((profile) => tokenFor(profile))
      .then(({ serverUrl, participantToken }) => {
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ serverUrl, participantToken }));
      })
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
    return true;
  });
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page
    .waitForFunction(() => "liveBench" in window, undefined, { timeout: 15_000 })
    .catch(() => {
      throw new Error(`page did not load: ${errors.join("; ") || "no error reported"}`);
    });
  return page;
}

const pageRecord = (page: Page): Promise<PageRecord> => page.evaluate(() => window.liveBench.record());

async function stopPage(page: Page): Promise<void> {
  await page.evaluate(() => window.liveBench.pressStop()).catch(() => {});
  await sleep(200);
  await page.close();
}

// ---------------------------------------------------------------------------------------------
// 1. Tool call committed → card painted in Chromium

interface UiResult {
  painted: number[];
  received: number[];
  renderOnly: number[];
  /** Committed → livekit-client opened the message's text stream; → read it whole; → applied in the store. */
  opened: number[];
  read: number[];
  readToApplied: number[];
  channelMessages: number;
  longTasks: { count: number; totalMs: number };
  unchanged: number;
  missing: number;
  stalls: number;
  tokenFetches: number;
  errors: string[];
}

async function typedIntakeInChromium(browser: Browser, origin: string): Promise<UiResult> {
  const result: UiResult = {
    painted: [],
    received: [],
    renderOnly: [],
    opened: [],
    read: [],
    readToApplied: [],
    channelMessages: 0,
    longTasks: { count: 0, totalMs: 0 },
    unchanged: 0,
    missing: 0,
    stalls: 0,
    tokenFetches: 0,
    errors: [],
  };
  for (let session = 0; session < UI_SESSIONS; session += 1) {
    await waitForIdlePool();
    tokenSession = { profile: null, fetches: 0 };
    const page = await openPage(browser, `${origin}?text-only`);
    const cdp = CPU_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    await page.evaluate(() => window.liveBench.pressStart(true));
    await page.waitForFunction(() => window.liveBench.record().snapshotPaintedAt !== null, undefined, {
      timeout: 60_000,
    });
    // Let the greeting play out before the first line (a typed line would interrupt it).
    await page
      .waitForFunction(() => window.liveBench.record().openingPaintedAt !== null, undefined, {
        timeout: 30_000,
      })
      .catch(() => {});
    await sleep(THINK_MS);
    const input = page.locator(".vo-text-input input");
    const agentEntries = () => page.locator('.vo-transcript__entry[data-speaker="agent"]').count();
    for (const [turn, { user }] of script.turns.entries()) {
      const repliesBefore = await agentEntries();
      await input.fill(user);
      await input.press("Enter");
      const version = versionAfterTurn[turn] ?? 0;
      try {
        await page.waitForFunction((v) => v in window.liveBench.record().painted, version, {
          timeout: 30_000,
          polling: 20,
        });
        // The agent starts its answer; the recruiter reads it, then types the next line.
        await until("the agent's answer", async () => (await agentEntries()) > repliesBefore, 15_000, 50);
      } catch {
        result.stalls += 1;
      }
      await sleep(THINK_MS);
    }
    await sleep(1000);
    if (cdp && CPU_PROFILE) {
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(CPU_PROFILE, JSON.stringify(profile));
      log(`CPU profile of the page written to ${CPU_PROFILE}`);
    }
    const record = await pageRecord(page);
    await stopPage(page);
    const profile = await tokenSession.profile;
    if (!profile) throw new Error("the page never asked for a token");
    const committed = (await committedAt([profile.sessionId])).get(profile.sessionId) ?? new Map();
    for (const [seq, at] of committed) {
      const painted = record.painted[seq];
      const received = record.received[seq];
      if (painted === undefined || received === undefined) {
        result.missing += 1;
        continue;
      }
      result.painted.push(painted - at);
      result.received.push(received - at);
      result.renderOnly.push(painted - received);
      const opened = record.streamOpened[seq];
      const read = record.streamRead[seq];
      if (opened !== undefined && read !== undefined) {
        result.opened.push(opened - at);
        result.read.push(read - at);
        result.readToApplied.push(received - read);
      }
    }
    result.channelMessages += record.channelMessages;
    result.longTasks.count += record.longTasks.count;
    result.longTasks.totalMs += record.longTasks.totalMs;
    result.unchanged += record.unchanged.length;
    result.tokenFetches += record.tokenFetches;
    result.errors.push(...record.errors);
    log(
      `typed intake ${session + 1}/${UI_SESSIONS}: ${committed.size} committed changes, p95 ${ms(percentile(result.painted, 95))} ms so far`,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// 2. Start pressed → snapshot painted / opening line painted

interface StartSample {
  connected: number;
  agentJoined: number;
  snapshotReceived: number;
  snapshotPainted: number;
  openingPainted: number;
  tokenFetches: number;
}

async function starts(browser: Browser, origin: string): Promise<{ samples: StartSample[]; failed: number }> {
  const samples: StartSample[] = [];
  let failed = 0;
  for (let start = 0; start < STARTS; start += 1) {
    await waitForIdlePool();
    tokenSession = { profile: null, fetches: 0 };
    const page = await openPage(browser, origin);
    await sleep(300);
    await page.evaluate(() => window.liveBench.pressStart(false));
    try {
      await page.waitForFunction(
        () => {
          const record = window.liveBench.record();
          return record.snapshotPaintedAt !== null && record.openingPaintedAt !== null;
        },
        undefined,
        { timeout: 30_000, polling: 20 },
      );
      const record = await pageRecord(page);
      const from = record.startedAt ?? Number.NaN;
      samples.push({
        connected: (record.connectedAt ?? Number.NaN) - from,
        agentJoined: (record.agentJoinedAt ?? Number.NaN) - from,
        snapshotReceived: (record.received[0] ?? Number.NaN) - from,
        snapshotPainted: (record.snapshotPaintedAt ?? Number.NaN) - from,
        openingPainted: (record.openingPaintedAt ?? Number.NaN) - from,
        tokenFetches: record.tokenFetches,
      });
    } catch {
      failed += 1;
    }
    await stopPage(page);
    const last = samples.at(-1);
    log(
      `start ${start + 1}/${STARTS}: ${last ? `snapshot ${ms(last.snapshotPainted)} ms, opening ${ms(last.openingPainted)} ms` : "FAILED"}`,
    );
  }
  return { samples, failed };
}

// ---------------------------------------------------------------------------------------------
// 3. Live text sessions at once through one worker (recruiters over rtc-node)

interface Tracked {
  sessionId: string;
  client: RecruiterClient;
  /** seq → first arrival (ms, CLOCK_REALTIME). */
  arrivals: Map<number, number>;
  outOfOrder: number;
  duplicates: number;
  maxSeq: number;
  snapshotAt: number | null;
  /** The next script turn this recruiter types. */
  cursor: number;
}

async function joinTracked(): Promise<Tracked> {
  const profile = await newSession();
  const credentials = await tokenFor(profile);
  const client = await joinAsRecruiter(credentials.serverUrl, credentials.participantToken);
  const tracked: Tracked = {
    sessionId: profile.sessionId,
    client,
    arrivals: new Map(),
    outOfOrder: 0,
    duplicates: 0,
    maxSeq: 0,
    snapshotAt: null,
    cursor: 0,
  };
  // The client keeps every decoded message in an array: stamp each as it is appended.
  const messages = client.messages as ProtocolMessage[];
  const append = messages.push.bind(messages);
  messages.push = (...items: ProtocolMessage[]) => {
    const at = wallNow();
    for (const message of items) {
      if (message.type === "profile.snapshot") {
        tracked.snapshotAt ??= at;
        continue;
      }
      if (tracked.arrivals.has(message.seq)) tracked.duplicates += 1;
      else tracked.arrivals.set(message.seq, at);
      if (message.seq < tracked.maxSeq) tracked.outOfOrder += 1;
      tracked.maxSeq = Math.max(tracked.maxSeq, message.seq);
    }
    return append(...items);
  };
  return tracked;
}

/**
 * Types up to `count` turns from the recruiter's place in the script, until `deadline`: each line,
 * then its changes, then the agent's spoken answer (its transcription stream closes when the line
 * has been spoken), then a pause. Resolves with the turns typed and those that stalled.
 */
async function typeTurns(
  tracked: Tracked,
  count: number,
  deadline: number,
): Promise<{ turns: number; stalls: number }> {
  let stalls = 0;
  let turns = 0;
  for (; turns < count && tracked.cursor < script.turns.length; turns += 1) {
    if (Date.now() > deadline) break;
    const turn = tracked.cursor;
    tracked.cursor += 1;
    const repliesBefore = tracked.client.agentLines.length;
    await tracked.client.say(script.turns[turn]?.user ?? "");
    const version = versionAfterTurn[turn] ?? 0;
    const wait = (ms: number) => Math.max(1000, Math.min(ms, deadline + 10_000 - Date.now()));
    try {
      await until("the turn's changes", () => tracked.maxSeq >= version, wait(30_000));
      await until(
        "the agent's answer",
        () => tracked.client.agentLines.length > repliesBefore,
        wait(20_000),
        50,
      );
    } catch {
      stalls += 1;
    }
    await sleep(THINK_MS / 2 + Math.random() * THINK_MS);
  }
  return { turns, stalls };
}

interface LevelResult {
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
  memory: ReturnType<typeof workerMemory>;
  peakRss: number;
  runMs: number;
  /** CPU time of the worker's processes during the run, in cores. */
  cores: number;
  /** Busy CPU of the whole machine during the run, in cores (the worker, this bench, livekit-server, PostgreSQL, anything else). */
  machineCores: number;
  /** CPU of the worker's processes over 3 s with every session idle, in cores. */
  idleCores: number;
  note: string;
}

/**
 * One concurrency level. Recruiters from the level before who are mid-script stay (their job
 * processes are warm); new ones join until `sessions` are in, all wait for their agents, then
 * every recruiter types its next TURNS_PER_LEVEL turns at the same time.
 */
async function level(
  sessions: number,
  carried: Tracked[],
): Promise<{ result: LevelResult; carry: Tracked[] }> {
  const keep = carried.filter((one) => one.cursor < script.turns.length).slice(0, sessions);
  const leaving = carried.filter((one) => !keep.includes(one));
  await Promise.all(leaving.map((one) => one.client.leave().catch(() => {})));
  await waitForIdlePool(keep.length);
  const fresh: Tracked[] = [];
  const leaveFresh = async () => {
    await Promise.all(fresh.map((one) => one.client.leave().catch(() => {})));
  };
  cleanups.push(leaveFresh);
  let note = "";
  // Ramp: every new recruiter joins (its room dispatches a job), then all wait for their agents;
  // the worker warms job processes one at a time, so agents arrive seconds apart.
  const rampStarted = wallNow();
  const launchesBefore = launchFailures();
  for (let i = keep.length; i < sessions; i += 1) fresh.push(await joinTracked());
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
  const failures = launchFailures() - launchesBefore;
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
  const memory = workerMemory();
  // What the sessions cost while nobody types (agents idle, after their greetings).
  const idleTicks = workerTicks();
  await sleep(3000);
  const idleCores = (workerTicks() - idleTicks) / 100 / 3;
  log(
    `${sessions} sessions (${keep.length} carried over): ${active.length} agents, the new ones in ${seconds(rampMs)} s; worker RSS ${mib(memory.rss)} MiB in ${memory.processes} processes`,
  );

  let peakRss = memory.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, workerMemory().rss);
  }, 1000);
  const seqBefore = new Map(active.map((one) => [one, one.maxSeq]));
  const turnsAsked = active.reduce(
    (sum, one) => sum + Math.min(TURNS_PER_LEVEL, script.turns.length - one.cursor),
    0,
  );
  const ticksBefore = workerTicks();
  const machineBefore = machineTicks();
  const runStarted = wallNow();
  const deadline = Date.now() + LEVEL_RUN_MS;
  const typed = await Promise.all(active.map((one) => typeTurns(one, TURNS_PER_LEVEL, deadline)));
  const runMs = wallNow() - runStarted;
  const cores = (workerTicks() - ticksBefore) / 100 / (runMs / 1000);
  const machineCores = busyCores(machineBefore);
  clearInterval(sampler);
  await sleep(2000);

  // This level's changes: every seq a session committed after the run began.
  const committed = await committedAt(active.map((one) => one.sessionId));
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
  await Promise.all(absent.map((one) => one.client.leave().catch(() => {})));
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
      note,
    },
  };
}

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
  let startResult: Awaited<ReturnType<typeof starts>> | null = null;
  let pageClockOffset = Number.NaN;
  let uiMachineCores = Number.NaN;
  let startMachineCores = Number.NaN;
  if (PARTS.has("ui") || PARTS.has("start")) {
    const files = await bundlePage();
    const server = await serve(files);
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const dir = await mkdtemp(join(tmpdir(), "vo-live-bench-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const wav = join(dir, "silence.wav");
    // One second of silence, looped: a microphone with no tone for the VAD to hear.
    await writeFile(wav, toWav(silence(1000, 48_000)));
    const browser = await chromium.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      args: [
        ...CHROMIUM_ARGS,
        "--allow-loopback-in-peer-connection",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-audio-capture=${wav}`,
        "--autoplay-policy=no-user-gesture-required",
      ],
    });
    cleanups.push(() => browser.close());
    if (PARTS.has("ui")) {
      log(`typing the script (${script.turns.length} turns) into the widget, ${UI_SESSIONS} session(s)`);
      const before = machineTicks();
      ui = await typedIntakeInChromium(browser, origin);
      uiMachineCores = busyCores(before);
    }
    if (PARTS.has("start")) {
      log(`${STARTS} starts, a new session each`);
      const before = machineTicks();
      startResult = await starts(browser, origin);
      startMachineCores = busyCores(before);
    }
    const probe = await openPage(browser, origin);
    pageClockOffset = (await pageRecord(probe)).clockOffsetMs;
    await probe.close();
  }

  const levels: LevelResult[] = [];
  let baseline: ReturnType<typeof workerMemory> | null = null;
  if (PARTS.has("load")) {
    await waitForIdlePool();
    baseline = workerMemory();
    let carry: Tracked[] = [];
    const leaveCarried = async () => {
      await Promise.all(carry.map((one) => one.client.leave().catch(() => {})));
    };
    cleanups.push(leaveCarried);
    for (const sessions of LEVELS) {
      log(`${sessions} concurrent session(s): ramping up`);
      const done = await level(sessions, carry);
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
      `Live path: livekit-server ${stack.livekit.url}, PostgreSQL 15, the worker (\`start\`, process per job; ${WORKER === "bundled" ? "the agent bundled to JavaScript as it ships, run by Node" : "TypeScript sources through tsx, as the live stack starts it"}), scripted model and speech stand-ins; all on 127.0.0.1.`,
      `Machine: ${cpus().length} cores, ${mib(totalmem() / 1024)} MiB RAM (${mib(freemem() / 1024)} free at the end); load average ${loadAtStart.map((l) => l.toFixed(1)).join(" ")} at start, ${loadAtEnd.map((l) => l.toFixed(1)).join(" ")} at the end (other work on the machine shows up here). Total ${elapsed()}.`,
      `Clocks: every time is CLOCK_REALTIME of this machine. PostgreSQL's clock_timestamp() read between Node's before/after: ${clocksAgree ? "yes" : "NO"} (${after - before} ms psql round trip); Chromium's performance clock is aligned to its Date.now() (offset ${ms(pageClockOffset)} ms, 1 ms resolution).`,
      "Committed = job_profile_events.created_at, PostgreSQL's now() in the job process's one-statement commit transaction (the commit completes ~1 ms later, so these read slightly high).",
    ].join("\n"),
  );

  if (ui) {
    const painted = stats(ui.painted);
    const row = timingRow;
    printTable(
      `1. Tool call committed → card painted in Chromium, ms (${UI_SESSIONS} typed intake(s) × ${finalVersion} committed changes, text only, headless software raster)`,
      ["stage", "n", "p50", "p95", "max", "goal p95"],
      [
        row("committed → card painted", ui.painted, GOALS.painted),
        row("  committed → text stream opened in the page (livekit-client)", ui.opened),
        row("  committed → text stream read whole", ui.read),
        row("  read → applied in the widget's store (decode, checks, store)", ui.readToApplied),
        row("  committed → applied in the widget's store", ui.received),
        row("  applied → frame painted", ui.renderOnly),
      ],
    );
    console.log(
      `machine CPU busy during this part: ${uiMachineCores.toFixed(2)} of ${cpus().length} cores; the page got ${ui.channelMessages} data channel messages (protocol, transcription, agent events) and ran ${ui.longTasks.count} tasks over 50 ms (${ms(ui.longTasks.totalMs)} ms in all); changes never shown: ${ui.missing}; shown without a card DOM change: ${ui.unchanged}; turns that stalled: ${ui.stalls}; token fetches: ${ui.tokenFetches} for ${UI_SESSIONS} session(s); widget errors: ${ui.errors.length ? ui.errors.slice(0, 3).join(" | ") : "none"}${painted.n < 30 ? "; FEWER than 30 samples" : ""}`,
    );
  }

  if (startResult) {
    const { samples, failed } = startResult;
    const row = (name: string, pick: (sample: StartSample) => number, goal?: number) =>
      timingRow(name, samples.map(pick), goal);
    printTable(
      `2. Start pressed → …, ms (${STARTS} starts, each a fresh page and a new session; silent fake microphone; a warmed job process waiting)`,
      ["from Start pressed to", "n", "p50", "p95", "max", "goal p95"],
      [
        row("room connected", (sample) => sample.connected),
        row("agent joined the room", (sample) => sample.agentJoined),
        row("snapshot in the widget's store", (sample) => sample.snapshotReceived),
        row("snapshot painted (company card)", (sample) => sample.snapshotPainted, GOALS.start),
        row("opening line painted (first words)", (sample) => sample.openingPainted, GOALS.start),
      ],
    );
    const refetched = samples.filter((sample) => sample.tokenFetches > 1).length;
    console.log(
      `machine CPU busy during this part: ${startMachineCores.toFixed(2)} of ${cpus().length} cores; failed starts (nothing within 30 s): ${failed}; starts whose widget asked for a token again: ${refetched}\nEach start takes the warmed job process; the worker then warms the next one at once, on the same 2 cores (a job process: ${warmedSummary()}).`,
    );
  }

  if (baseline) {
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
      const met = result.joined === result.sessions && s.p95 < GOALS.received && result.lost === 0;
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
        String(result.memory.processes),
        `${mib(result.memory.rss)} (peak ${mib(result.peakRss)})`,
        mib(result.memory.rss / Math.max(1, result.joined)),
        mib((result.memory.rss - baseline.rss) / Math.max(1, result.joined)),
        mib(result.memory.pss),
        result.sessions === Math.max(...LEVELS) ? (met ? "met" : "NOT met") : "",
      ]);
    }
    printTable(
      `3. Live text sessions at once through one worker (recruiters over @livekit/rtc-node, each typing ${TURNS_PER_LEVEL} script turns per level, then on at the next; committed → message received by the recruiter, ms; memory = the worker's process tree from /proc after the ramp, MiB)`,
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
        "procs",
        "RSS",
        "RSS/session",
        "(RSS−base)/session",
        "PSS",
        `goal: ${Math.max(...LEVELS)} sessions, p95 < ${GOALS.received} ms, 0 lost`,
      ],
      rows,
    );
    for (const result of levels) if (result.note) console.log(`${result.sessions} sessions: ${result.note}`);
    console.log(
      [
        "lost = committed in the store's log but never received; gaps = seqs missing below the highest received; duplicates: " +
          levels.map((result) => result.duplicates).join("/"),
        `RSS counts shared pages once per process (PSS splits them); the tree is ${WORKER === "tsx" ? "the tsx launcher, " : ""}the worker, its inference process (turn detector), one process per job and one warmed idle process.`,
        `A job process, warmed and idle: ${warmedSummary()}. The worker warms one at a time (agents-js serialises process initialisation), so ramping up N sessions takes about N warm-ups.`,
        "Text sessions: recruiters send no audio, so VAD and speech-to-text are idle; and with no microphone published the agent synthesises no speech (text only, voice-output.ts).",
        "Anchor: a LiveKit user reports 4–5 rooms per core with the default process-per-job model (livekit/agents#4483), i.e. 8–10 rooms on this 2-core machine.",
      ].join("\n"),
    );
  }
  await cleanUp(0);
} catch (error) {
  console.error(error);
  console.error(worker.output().slice(-4000));
  await cleanUp(1);
}
