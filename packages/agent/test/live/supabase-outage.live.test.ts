/**
 * The production store path on the live stack: the worker's profile store is supabase-js → real
 * PostgREST → PostgreSQL, on a real livekit-server with a recruiter over rtc-node. PostgREST (or
 * the PostgreSQL behind it) goes down for one turn mid-intake and comes back.
 */
import { foldMessages } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { StoreBudget } from "../../src/service/index.js";
import { lastSeq, script, until, useLiveIntake } from "./live-intake.js";

const live = useLiveIntake({ store: "supabase" });

/** The worker's budget (the default): a turn waits at most this long for the store, however many calls. */
const { perTurnMs } = new StoreBudget();

/** How long the model's last tool calls took to come back to it (its tool-call reply to its next request). */
function lastToolCallsMs(): number {
  const [calls, results] = live.stack.model.timings.slice(-2);
  expect(calls?.kind).toBe("tool_calls");
  return (results?.receivedAt ?? Number.NaN) - (calls?.firstChunkAt ?? Number.NaN);
}

const NOT_SAVED = /this was NOT saved/;
const NOT_KNOWN_YET = /not yet known whether this was saved/;

/** Change ids the store has abandoned for the session: unknown outcomes settled as "did not land". */
async function abandonedChanges(sessionId: string): Promise<number> {
  const count = await live.stack.postgres.sql(
    `select count(*) from public.job_profile_changes where session_id = '${sessionId}' and seq is null`,
  );
  return Number(count.trim());
}

interface Outage {
  down(): Promise<void>;
  up(): Promise<void>;
}

/**
 * An intake whose second turn meets the outage and whose third comes after it. Returns how the
 * outage turn's calls were answered: "NOT saved", or (a commit sent that may have landed) "not
 * known yet", which the model must later hear settled as NOT saved.
 */
async function intakeThrough(outage: Outage) {
  const profile = await live.newSession();
  const recruiter = await live.join(profile);
  await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
  await recruiter.say(script.turns[0]?.user ?? "");
  await recruiter.waitFor("the first changes", () => lastSeq(recruiter.messages) >= 2);

  await outage.down();
  const duringOutage = script.turns[1]?.user ?? "";
  await recruiter.say(duringOutage);
  const told = await live.waitForToolResults(duringOutage.slice(0, 40));
  // The truth about each call, within the store budget: not supabase-js's 10 s per request, per call.
  const toolCallsMs = lastToolCallsMs();
  expect(told).toHaveLength(2);
  for (const result of told)
    expect(result).toMatch(new RegExp(`${NOT_SAVED.source}|${NOT_KNOWN_YET.source}`));
  expect(toolCallsMs).toBeLessThan(perTurnMs + 1_500);
  const notKnownYet = told.filter((result) => NOT_KNOWN_YET.test(result)).length;

  await outage.up();
  // Each outcome not known yet is settled (its change id abandoned) once the store answers again.
  await until(
    "the unknown outcomes settled",
    async () => (await abandonedChanges(profile.sessionId)) >= notKnownYet,
    20_000,
  );
  const afterOutage = script.turns[2]?.user ?? "";
  const asked = live.modelRequests().length;
  await recruiter.say(afterOutage);
  await recruiter.waitFor("changes after the outage", () => lastSeq(recruiter.messages) >= 4, 45_000);

  const stored = await live.store.load(profile.sessionId);
  expect(stored?.version).toBe(4);
  expect(stored?.requirements).toMatchObject({ experienceMinYears: 6, experienceMaxYears: 12 });
  // Versions contiguous from 1, each published once, and what the recruiter folded is what is stored.
  const seqs = recruiter.messages.filter((message) => message.seq > 0).map((message) => message.seq);
  expect(seqs).toEqual([1, 2, 3, 4]);
  expect((await live.store.messages(profile.sessionId)).map((message) => message.seq)).toEqual([
    0, 1, 2, 3, 4,
  ]);
  expect(foldMessages(null, recruiter.messages).profile).toEqual(stored);
  // Nothing of the failed turn was saved or invented later; the model heard each open outcome settled
  // as NOT saved before the next turn, and never that anything of it was saved.
  expect(stored?.requirements.locationCity).toBeUndefined();
  expect(stored?.requirements.workplaceType).toBeUndefined();
  expect(stored?.nuances.map((nuance) => nuance.insight).join(" ")).not.toMatch(/Tuesday to Thursday/);
  expect(await abandonedChanges(profile.sessionId)).toBe(notKnownYet);
  const nextTurn = live
    .modelRequests()
    .slice(asked)
    .find((request) => JSON.stringify(request).includes(afterOutage));
  const notes = (nextTurn?.messages ?? []).filter(
    (message) =>
      message.role === "system" && JSON.stringify(message.content).includes("Update on the earlier save"),
  );
  expect(notes.map((note) => JSON.stringify(note.content))).toEqual(
    Array.from({ length: notKnownYet }, () => expect.stringMatching(/: it was NOT saved\./)),
  );
  expect(JSON.stringify(live.modelRequests())).not.toMatch(/WAS saved/);
  return { toolCallsMs, notKnownYet };
}

describe("the worker's store through real PostgREST (Supabase's API) fails for a turn mid-intake", () => {
  afterEach(async () => {
    await live.stack.postgres.restart();
    await live.stack.postgrest?.restart();
    await live.stack.postgrest?.waitReady(40_000);
  });

  const postgrest = () => {
    const server = live.stack.postgrest;
    if (!server) throw new Error("the stack runs without PostgREST");
    return server;
  };

  it("PostgREST stopped mid-turn: the model hears the truth within the store budget; restarted, the next turn lands, nothing lost, duplicated or invented", async () => {
    // Its gateway answers 502 for PostgREST, which may come after a commit ran: a commit in flight is
    // "not known yet" until the settler abandons its change id, the rest "NOT saved".
    const { toolCallsMs, notKnownYet } = await intakeThrough({
      down: () => postgrest().halt(),
      up: () => postgrest().restart(),
    });
    console.log(
      `PostgREST stopped: the outage turn's calls took ${toolCallsMs} ms, ${notKnownYet} not known yet`,
    );
  }, 120_000);

  it("PostgreSQL behind PostgREST halted mid-turn: the same, once PostgREST has reconnected", async () => {
    // PostgREST answers 503 PGRST000 (no connection, nothing ran): "NOT saved".
    let reconnectMs = 0;
    const { toolCallsMs, notKnownYet } = await intakeThrough({
      down: () => live.stack.postgres.halt(),
      up: async () => {
        await live.stack.postgres.restart();
        const restarted = Date.now();
        await postgrest().waitReady(40_000);
        reconnectMs = Date.now() - restarted;
      },
    });
    console.log(
      `PostgreSQL halted: the outage turn's calls took ${toolCallsMs} ms, ${notKnownYet} not known yet; PostgREST ready ${reconnectMs} ms after the restart`,
    );
  }, 120_000);
});
