/**
 * ProfileStore commit latency and throughput, PGlite and Supabase (real PostgREST 12 on
 * PostgreSQL 15, through the /rest/v1 proxy supabase-js needs).
 *
 *   pnpm --filter @voice-onboarding/agent exec tsx ../../bench/store.bench.ts
 *
 * BENCH_COMMITS (sequential commits per latency row, default 400), BENCH_SESSIONS (default 50),
 * BENCH_PER_SESSION (commits per session in the throughput rows, default 40),
 * BENCH_DB_POOL (PostgREST db-pool, default 10).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JobProfile } from "@voice-onboarding/protocol";
import {
  createPgliteStore,
  createSupabaseStore,
  type ProfileStore,
} from "../packages/agent/src/store/index.js";
import {
  checkPostgres,
  type SupabaseStandIn,
  startSupabaseStandIn,
} from "../packages/agent/test/harness/postgres.js";
import {
  apply,
  commitWithRetry,
  lostUpdates,
  newProfile,
  newSessionId,
  snapshotOf,
  steadyChange,
} from "../packages/agent/test/store/fixtures.js";

const COMMITS = Number(process.env.BENCH_COMMITS ?? 400);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const PER_SESSION = Number(process.env.BENCH_PER_SESSION ?? 40);
const DB_POOL = Number(process.env.BENCH_DB_POOL ?? 10);

interface Row {
  adapter: string;
  scenario: string;
  commits: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  conflicts: number;
  lost: number;
  goal: string;
  met: boolean;
}

const rows: Row[] = [];

async function session(store: ProfileStore): Promise<JobProfile> {
  const profile = newProfile(newSessionId("bench"));
  await store.create(profile, snapshotOf(profile));
  return profile;
}

/** One writer per session: commit, keep the result, commit again. Resolves with each commit's ms. */
async function writer(store: ProfileStore, start: JobProfile, count: number): Promise<number[]> {
  const times: number[] = [];
  let profile = start;
  for (let n = 0; n < count; n += 1) {
    const message = steadyChange(profile, n);
    const next = apply(profile, message);
    const began = performance.now();
    const result = await store.commit(profile.sessionId, profile.version, next, message);
    times.push(performance.now() - began);
    if (!result.ok) throw new Error(`unexpected ${result.reason} in a single-writer session`);
    profile = next;
  }
  return times;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function record(row: Omit<Row, "p50" | "p95" | "p99">, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  rows.push({
    ...row,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  });
}

async function latency(adapter: string, store: ProfileStore, goalP95: number): Promise<void> {
  const profile = await session(store);
  await writer(store, profile, 20); // warm-up: JIT, prepared statements, connections
  const measured = await session(store);
  const began = performance.now();
  const times = await writer(store, measured, COMMITS);
  const seconds = (performance.now() - began) / 1000;
  const lost = await lostUpdates(store, new Map([[measured.sessionId, COMMITS]]));
  const p95 = percentile(
    [...times].sort((a, b) => a - b),
    95,
  );
  record(
    {
      adapter,
      scenario: "1 session, sequential",
      commits: COMMITS,
      perSecond: COMMITS / seconds,
      conflicts: 0,
      lost,
      goal: `p95 < ${goalP95} ms`,
      met: p95 < goalP95 && lost === 0,
    },
    times,
  );
}

async function throughput(adapter: string, store: ProfileStore, goalPerSecond?: number): Promise<void> {
  const starts = await Promise.all(Array.from({ length: SESSIONS }, () => session(store)));
  const began = performance.now();
  const times = (await Promise.all(starts.map((start) => writer(store, start, PER_SESSION)))).flat();
  const seconds = (performance.now() - began) / 1000;
  const lost = await lostUpdates(store, new Map(starts.map((start) => [start.sessionId, PER_SESSION])));
  const perSecond = times.length / seconds;
  record(
    {
      adapter,
      scenario: `${SESSIONS} sessions, 1 writer each`,
      commits: times.length,
      perSecond,
      conflicts: 0,
      lost,
      goal: goalPerSecond ? `>= ${goalPerSecond}/s, 0 lost` : "0 lost",
      met: (goalPerSecond === undefined || perSecond >= goalPerSecond) && lost === 0,
    },
    times,
  );
}

/** Two writers per session racing, each reloading and re-applying on conflict (what the service does). */
async function contention(adapter: string, store: ProfileStore): Promise<void> {
  const starts = await Promise.all(Array.from({ length: SESSIONS }, () => session(store)));
  const perWriter = Math.max(1, Math.floor(PER_SESSION / 2));
  const times: number[] = [];
  let attempts = 0;
  const began = performance.now();
  await Promise.all(
    starts.flatMap((start) =>
      [0, 1].map(async (w) => {
        for (let n = 0; n < perWriter; n += 1) {
          const t = performance.now();
          const tries = await commitWithRetry(store, start.sessionId, (current) =>
            steadyChange(current, 2 * n + w),
          );
          attempts += tries;
          times.push(performance.now() - t);
        }
      }),
    ),
  );
  const seconds = (performance.now() - began) / 1000;
  const lost = await lostUpdates(store, new Map(starts.map((start) => [start.sessionId, 2 * perWriter])));
  record(
    {
      adapter,
      scenario: `${SESSIONS} sessions, 2 racing writers (load+commit, retry)`,
      commits: times.length,
      perSecond: times.length / seconds,
      conflicts: attempts - times.length,
      lost,
      goal: "0 lost",
      met: lost === 0,
    },
    times,
  );
}

async function benchPglite(): Promise<void> {
  const memory = await createPgliteStore();
  try {
    await latency("pglite (memory)", memory, 10);
    await throughput("pglite (memory)", memory);
  } finally {
    await memory.close();
  }
  const dataDir = await mkdtemp(join(tmpdir(), "vo-bench-pglite-"));
  const folder = await createPgliteStore({ dataDir });
  try {
    await latency("pglite (data folder)", folder, 10);
  } finally {
    await folder.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchSupabase(): Promise<void> {
  if (!checkPostgres("the Supabase (PostgREST) rows of this benchmark")) return;
  let supabase: SupabaseStandIn | undefined;
  try {
    supabase = await startSupabaseStandIn({ dbPool: DB_POOL });
    const store = createSupabaseStore({ url: supabase.url, serviceRoleKey: supabase.serviceRoleKey });
    const adapter = `supabase (PostgREST, db-pool ${DB_POOL})`;
    await latency(adapter, store, 25);
    await throughput(adapter, store, 300);
    await contention(adapter, store);
    await store.close();
  } finally {
    await supabase?.stop();
  }
}

function print(): void {
  const header = [
    "adapter",
    "scenario",
    "commits",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "commits/s",
    "retries",
    "lost",
    "goal",
    "met",
  ];
  const body = rows.map((row) => [
    row.adapter,
    row.scenario,
    String(row.commits),
    row.p50.toFixed(2),
    row.p95.toFixed(2),
    row.p99.toFixed(2),
    row.perSecond.toFixed(0),
    String(row.conflicts),
    String(row.lost),
    row.goal,
    row.met ? "yes" : "NO",
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(
    `\nProfileStore commits (node ${process.version}, ${COMMITS} sequential, ${SESSIONS}x${PER_SESSION} concurrent)`,
  );
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const cells of body) console.log(line(cells));
  const missed = rows.filter((row) => !row.met);
  if (missed.length > 0) {
    console.log(
      `\nMISSED: ${missed.map((row) => `${row.adapter} / ${row.scenario} (${row.goal})`).join("; ")}`,
    );
  }
}

await benchPglite();
await benchSupabase();
print();
