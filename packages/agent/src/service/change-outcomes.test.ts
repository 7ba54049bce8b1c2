import { foldMessages, type JobProfile } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { CapturingPublisher } from "../publish/publisher.js";
import {
  ChangeOutcomeUnknownError,
  type ChangePlan,
  ProfileService,
  ProfileUnavailableError,
  type SettledChange,
  StoreBudget,
} from "./index.js";
import { SAMPLE_SESSION } from "./testing/fixtures.js";
import { FlakyStore } from "./testing/flaky-store.js";

const nuance =
  (insight: string): ChangePlan =>
  (_profile, { newId }) => ({
    type: "nuance.captured",
    data: { nuance: { id: newId(), category: "hidden_pref", insight } },
  });

async function setup(budget = new StoreBudget({ perChangeMs: 2_000, perTurnMs: 3_000 })) {
  const store = new FlakyStore();
  const publisher = new CapturingPublisher();
  const warnings: string[] = [];
  const service = new ProfileService({
    store,
    publisher,
    budget,
    logger: { warn: (message) => warnings.push(message) },
  });
  const { sessionId } = await service.createSession(SAMPLE_SESSION);
  const settled: SettledChange[] = [];
  service.onSettled((outcome) => settled.push(outcome));
  return { store, publisher, service, sessionId, settled, warnings };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function expectContiguous(stored: JobProfile | null, published: CapturingPublisher, versions: number): void {
  expect(stored?.version).toBe(versions);
  const seqs = [...new Set(published.messages.map((message) => message.seq))].sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: versions }, (_, i) => i + 1));
}

describe("ProfileService when the store's answers get lost", () => {
  it("retries a commit whose reply was lost under the same change id: saved once, published", async () => {
    const { store, publisher, service, sessionId } = await setup();
    store.loseReplies(1);
    const change = await service.apply(sessionId, "agent", nuance("Loves ex-Stripe people"));
    expect(change.message?.seq).toBe(1);
    expect(store.commitsLanded).toBe(1);
    const stored = await store.inner.load(sessionId);
    expect(stored?.nuances.map((n) => n.insight)).toEqual(["Loves ex-Stripe people"]);
    expect(publisher.messages.map((m) => m.seq)).toEqual([1]);
    expect(foldMessages(null, await store.inner.messages(sessionId)).profile).toEqual(stored);
  });

  it("answers a repeated change id with the first outcome and writes nothing", async () => {
    const { store, service, sessionId } = await setup();
    await service.apply(sessionId, "recruiter", nuance("first"), { changeId: "edit:c1" });
    const again = await service.apply(sessionId, "recruiter", nuance("first"), { changeId: "edit:c1" });
    expect(again.message?.seq).toBe(1);
    expect((await store.inner.load(sessionId))?.nuances).toHaveLength(1);
  });

  it("says 'not saved' when the store refuses every call for the whole budget", async () => {
    const { store, service, sessionId } = await setup(new StoreBudget({ perChangeMs: 300 }));
    store.down = true;
    const started = Date.now();
    await expect(service.apply(sessionId, "agent", nuance("lost"))).rejects.toBeInstanceOf(
      ProfileUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    store.down = false;
    expect((await store.inner.load(sessionId))?.version).toBe(0);
  });

  it("says 'unknown' when a sent commit goes unanswered, then finds out it landed and publishes it", async () => {
    const { store, publisher, service, sessionId, settled } = await setup(
      new StoreBudget({ perChangeMs: 300 }),
    );
    store.loseReplies(1);
    // The commit lands, its answer is lost, and then the store is unreachable past the budget.
    const outcome = service.apply(sessionId, "agent", nuance("landed unanswered"));
    await until(() => store.commitsLanded === 1);
    store.down = true;
    await expect(outcome).rejects.toBeInstanceOf(ChangeOutcomeUnknownError);
    expect(publisher.messages).toEqual([]);
    store.down = false;
    await until(() => settled.length === 1);
    expect(settled[0]?.landed?.seq).toBe(1);
    expect(publisher.messages.map((m) => m.type)).toEqual(["nuance.captured"]);
    // Later changes build on it: nothing lost, nothing twice.
    await service.apply(sessionId, "agent", nuance("next"));
    expectContiguous(await store.inner.load(sessionId), publisher, 2);
  });

  it("abandons an unanswered change that did not land, so it can never land later", async () => {
    const { store, service, sessionId, settled } = await setup(new StoreBudget({ perChangeMs: 300 }));
    store.hanging = true;
    const outcome = service.apply(sessionId, "agent", nuance("held"), { changeId: "held-1" });
    // The hanging store holds every call: the budget runs out before the commit is even sent.
    await expect(outcome).rejects.toBeInstanceOf(ProfileUnavailableError);
    store.hanging = false;
    const stored = await store.inner.load(sessionId);
    expect(stored?.version).toBe(0);
    expect(settled).toEqual([]);
    // A settle abandons the id: a late attempt with it is refused instead of writing.
    expect(await store.inner.settleChange(sessionId, "held-1")).toBeNull();
    const late = await service
      .apply(sessionId, "agent", nuance("held"), { changeId: "held-1" })
      .catch((e) => e);
    expect(late).toBeInstanceOf(ProfileUnavailableError);
    expect((await store.inner.load(sessionId))?.version).toBe(0);
  });

  it("bounds a turn's wait for a hanging store, however many calls queue", async () => {
    const budget = new StoreBudget({ perChangeMs: 1_000, perTurnMs: 1_500 });
    const { store, service, sessionId } = await setup(budget);
    budget.startTurn(sessionId);
    store.hanging = true;
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => service.apply(sessionId, "agent", nuance(`queued ${i}`))),
    );
    const waited = Date.now() - started;
    store.hanging = false;
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    // Ten calls of 1 s each would be 10 s in a row; together they get the turn's 1.5 s.
    expect(waited).toBeLessThan(3_000);
  });

  it("spends a turn's budget on the model's changes only: a hand edit after it, or the next turn, still saves", async () => {
    let now = 0;
    const budget = new StoreBudget({ perChangeMs: 1_000, perTurnMs: 1_500 }, () => now);
    const { service, sessionId } = await setup(budget);
    budget.startTurn(sessionId);
    now += 5_000; // the turn's budget is long spent (found on the live stack: every edit refused)
    await expect(service.apply(sessionId, "agent", nuance("late tool call"))).rejects.toBeInstanceOf(
      ProfileUnavailableError,
    );
    const edit = await service.apply(sessionId, "recruiter", nuance("hand edit"));
    expect(edit.message).not.toBeNull();
    budget.endTurn(sessionId);
    const nextTurn = await service.apply(sessionId, "agent", nuance("after the agent answered"));
    expect(nextTurn.message).not.toBeNull();
  });

  it("loses nothing when 50 parallel changes meet a blip with lost replies: versions 1..50", async () => {
    const { store, publisher, service, sessionId } = await setup(
      new StoreBudget({ perChangeMs: 20_000, perTurnMs: 20_000 }),
    );
    const calls = Array.from({ length: 50 }, (_, i) => service.apply(sessionId, "agent", nuance(`n${i}`)));
    await until(() => store.commitsLanded >= 5);
    store.loseReplies(3);
    store.down = true;
    setTimeout(() => {
      store.down = false;
    }, 300);
    const changes = await Promise.all(calls);
    expect(changes.every((change) => change.message !== null)).toBe(true);
    const stored = await store.inner.load(sessionId);
    expect(stored?.nuances.map((n) => n.insight).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `n${i}`).sort(),
    );
    expectContiguous(stored, publisher, 50);
    expect(foldMessages(null, await store.inner.messages(sessionId)).profile).toEqual(stored);
  });

  it("drains on shutdown: queued changes finish before drain resolves", async () => {
    const { store, service, sessionId } = await setup();
    const pending = Array.from({ length: 5 }, (_, i) => service.apply(sessionId, "agent", nuance(`d${i}`)));
    await service.drain();
    expect((await store.inner.load(sessionId))?.version).toBe(5);
    await Promise.all(pending);
  });
});
