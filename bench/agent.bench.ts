/**
 * Tool call → committed and published, through the real intake tools and ProfileService, on
 * PGlite and on supabase-js → PostgREST 12 → PostgreSQL 15 (started here in a temp folder).
 *
 *   pnpm --filter @voice-onboarding/agent bench
 *
 * Rows: sequential tool calls on one session (latency), and 50 sessions each issuing tool calls
 * at once (throughput), with the lost-update count: published messages, stored versions and the
 * fold of the log must all agree.
 */
import { foldMessages } from "@voice-onboarding/protocol";
import { CapturingPublisher } from "../packages/agent/src/publish/publisher.js";
import { ProfileService } from "../packages/agent/src/service/index.js";
import { createPgliteStore } from "../packages/agent/src/store/pglite.js";
import type { ProfileStore } from "../packages/agent/src/store/profile-store.js";
import { createSupabaseStore } from "../packages/agent/src/store/supabase.js";
import { createIntakeTools } from "../packages/agent/src/tools/index.js";
import { postgresAvailable, startSupabaseStandIn } from "../packages/agent/test/harness/postgres.js";
import { percentile, printTable } from "./table.js";

const SEQUENTIAL = Number(process.env.BENCH_CALLS ?? 300);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const PER_SESSION = Number(process.env.BENCH_PER_SESSION ?? 12);

let callId = 0;

/** The tool calls a model makes most: a nuance, a requirement, a trait. */
function toolCall(tools: ReturnType<typeof createIntakeTools>, i: number): Promise<unknown> {
  // What agents-js passes to execute; the intake tools only read the arguments.
  const options = { toolCallId: `bench-${++callId}`, abortSignal: new AbortController().signal } as never;
  switch (i % 3) {
    case 0:
      return tools.capture_nuance.execute(
        { category: "culture_fit", insight: `Insight ${i}`, verbatim_quote: null } as never,
        options,
      );
    case 1:
      return tools.update_requirements.execute(
        { onsite_days: i % 5, location_type: "hybrid" } as never,
        options,
      );
    default:
      return tools.create_trait.execute(
        {
          name: `Trait ${i}`,
          description: "Owns services end to end.",
          priority: "must_have",
          signals: [],
        } as never,
        options,
      );
  }
}

async function newSession(store: ProfileStore, publisher: CapturingPublisher) {
  const service = new ProfileService({ store, publisher });
  const { sessionId } = await service.createSession({
    recruiter: { firstName: "Bench" },
    company: { name: "Acme" },
  });
  return { service, sessionId, tools: createIntakeTools({ service, sessionId }) };
}

async function lostUpdates(store: ProfileStore, sessionId: string, expected: number): Promise<number> {
  const profile = await store.load(sessionId);
  const log = await store.messages(sessionId, -1);
  const folded = foldMessages(null, log).profile;
  const consistent = JSON.stringify(folded) === JSON.stringify(profile);
  return Math.max(0, expected - (profile?.version ?? 0)) + (consistent ? 0 : 1);
}

async function bench(
  adapter: string,
  store: ProfileStore,
  goals: { p95: number; perSecond?: number },
): Promise<string[][]> {
  const publisher = new CapturingPublisher();
  const single = await newSession(store, publisher);
  const timings: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    await toolCall(single.tools, i);
    timings.push(performance.now() - started);
  }
  const p95 = percentile(timings, 95);
  const rows = [
    [
      adapter,
      `1 session, ${SEQUENTIAL} calls in a row`,
      percentile(timings, 50).toFixed(2),
      p95.toFixed(2),
      (SEQUENTIAL / (timings.reduce((a, b) => a + b, 0) / 1000)).toFixed(0),
      String(await lostUpdates(store, single.sessionId, SEQUENTIAL)),
      `p95 < ${goals.p95} ms${p95 < goals.p95 ? "" : " MISSED"}`,
    ],
  ];
  const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => newSession(store, publisher)));
  const published = publisher.messages.length;
  const concurrent: number[] = [];
  const started = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      // Each session's calls arrive together, as the parallel tool calls of one model turn do.
      await Promise.all(
        Array.from({ length: PER_SESSION }, async (_, i) => {
          const t0 = performance.now();
          await toolCall(session.tools, i);
          concurrent.push(performance.now() - t0);
        }),
      );
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = SESSIONS * PER_SESSION;
  let lost =
    publisher.messages.length - published === total
      ? 0
      : Math.abs(total - (publisher.messages.length - published));
  for (const session of sessions) lost += await lostUpdates(store, session.sessionId, PER_SESSION);
  const perSecond = total / seconds;
  const goal = goals.perSecond === undefined ? "lost = 0" : `≥ ${goals.perSecond}/s, lost = 0`;
  const met = lost === 0 && (goals.perSecond === undefined || perSecond >= goals.perSecond);
  rows.push([
    adapter,
    `${SESSIONS} sessions × ${PER_SESSION} calls at once`,
    percentile(concurrent, 50).toFixed(2),
    percentile(concurrent, 95).toFixed(2),
    perSecond.toFixed(0),
    String(lost),
    `${goal}${met ? "" : " MISSED"}`,
  ]);
  return rows;
}

const rows: string[][] = [];
const pglite = await createPgliteStore();
rows.push(...(await bench("pglite (in memory)", pglite, { p95: 10 })));
await pglite.close();
if (postgresAvailable()) {
  const supabase = await startSupabaseStandIn();
  try {
    const store = createSupabaseStore({ url: supabase.url, serviceRoleKey: supabase.serviceRoleKey });
    rows.push(...(await bench("supabase-js → PostgREST → PG 15", store, { p95: 25, perSecond: 300 })));
    await store.close();
  } finally {
    await supabase.stop();
  }
} else {
  console.warn("PostgreSQL 15 binaries not found (Debian package `postgresql`): PostgREST rows skipped");
}
printTable(
  "tool call → committed and published (real tools, ProfileService, store)",
  ["store", "scenario", "p50 ms", "p95 ms", "calls/s", "lost", "goal"],
  rows,
);
