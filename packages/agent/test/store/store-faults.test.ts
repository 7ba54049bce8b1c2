/**
 * The database failing under a conversation, on the real thing: PostgreSQL 15 stopped and
 * restarted while 50 changes are in flight, and (through real PostgREST, as supabase-js reaches
 * Supabase) a commit that lands but whose reply the proxy drops. Nothing lost, nothing twice,
 * versions contiguous, and what landed is published.
 */
import { foldMessages } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { type ChangePlan, ProfileService, StoreBudget } from "../../src/service/index.js";
import {
  createPostgresStore,
  createSupabaseStore,
  migratePostgres,
  type ProfileStore,
} from "../../src/store/index.js";
import {
  checkPostgres,
  type PostgresServer,
  type SupabaseStandIn,
  startPostgres,
  startSupabaseStandIn,
} from "../harness/postgres.js";

const canRun = checkPostgres("the store fault suite (real PostgreSQL 15 and PostgREST)");

const nuance =
  (insight: string): ChangePlan =>
  (_profile, { newId }) => ({
    type: "nuance.captured",
    data: { nuance: { id: newId(), category: "hidden_pref", insight } },
  });

function serviceOver(store: ProfileStore) {
  const publisher = new CapturingPublisher();
  // Generous budgets: these changes must all get through a restart on a loaded 2-core machine.
  const budget = new StoreBudget({ perChangeMs: 60_000, perTurnMs: 60_000 });
  const service = new ProfileService({ store, publisher, budget, logger: { warn: () => {} } });
  return { publisher, service };
}

async function expectConsistent(
  store: ProfileStore,
  sessionId: string,
  publisher: CapturingPublisher,
  n: number,
) {
  const stored = await store.load(sessionId);
  expect(stored?.version).toBe(n);
  expect(new Set(stored?.nuances.map((item) => item.insight)).size).toBe(n);
  const log = await store.messages(sessionId);
  expect(log.map((message) => message.seq)).toEqual([...Array(n + 1).keys()]);
  expect(foldMessages(null, log).profile).toEqual(stored);
  // Every version published at least once (a landed-but-unanswered change is published late).
  const published = [...new Set(publisher.messages.map((message) => message.seq))].sort((a, b) => a - b);
  expect(published).toEqual([...Array(n).keys()].map((i) => i + 1));
}

describe.skipIf(!canRun)("store faults on real PostgreSQL", () => {
  let server: PostgresServer;
  let store: ProfileStore;

  beforeAll(async () => {
    server = await startPostgres();
    await migratePostgres(server.uri);
    store = createPostgresStore({ connectionString: server.uri, logger: { warn: () => {} } });
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it("50 parallel changes while PostgreSQL is stopped and restarted: versions 1..50, none lost, none twice", async () => {
    const { publisher, service } = serviceOver(store);
    const { sessionId } = await service.createSession({ recruiter: { firstName: "Dana" } });
    const calls = Array.from({ length: 50 }, (_, i) => service.apply(sessionId, "agent", nuance(`n${i}`)));
    // Stop it mid-stream (fast shutdown aborts the statements in flight), then bring it back.
    while (publisher.messages.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.halt();
    await server.restart();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    await expectConsistent(store, sessionId, publisher, 50);
  });
});

describe.skipIf(!canRun)("store faults through PostgREST (Supabase's API)", () => {
  let supabase: SupabaseStandIn;
  let store: ProfileStore;

  beforeAll(async () => {
    supabase = await startSupabaseStandIn();
    store = createSupabaseStore({
      url: supabase.url,
      serviceRoleKey: supabase.serviceRoleKey,
      timeoutMs: 5_000,
    });
  });
  afterAll(async () => {
    await store?.close();
    await supabase?.stop();
  });

  it("a commit that lands but whose reply is dropped is not written twice, and is published", async () => {
    const { publisher, service } = serviceOver(store);
    const { sessionId } = await service.createSession({ recruiter: { firstName: "Dana" } });
    await service.apply(sessionId, "agent", nuance("before"));
    supabase.postgrest.dropResponses(1, "commit_job_profile_change");
    const change = await service.apply(sessionId, "agent", nuance("reply lost"));
    expect(change.message?.seq).toBe(2);
    await expectConsistent(store, sessionId, publisher, 2);
    expect((await store.load(sessionId))?.nuances.map((item) => item.insight)).toEqual([
      "before",
      "reply lost",
    ]);
  });
});
