import { foldMessages, type ProtocolMessage } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import type { Publisher } from "../publish/publisher.js";
import type { ProfileStore } from "../store/profile-store.js";
import {
  ChangeError,
  ConflictRetriesExhaustedError,
  InvalidSessionInputError,
  ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "./index.js";
import { createHarness, createMemoryStore, SAMPLE_SESSION } from "./testing/fixtures.js";
import { MemoryProfileStore } from "./testing/memory-store.js";

const addTrait =
  (name: string) =>
  (_: unknown, { newId }: { newId(): string }) => ({
    type: "trait.created" as const,
    data: {
      trait: {
        id: newId(),
        name,
        description: `${name} matters`,
        priority: "must_have" as const,
        signals: [],
      },
    },
  });

/** A store where another writer commits just before each of our first `races` commits. */
function raceyStore(races: number): ProfileStore {
  const inner = new MemoryProfileStore();
  const rival = new ProfileService({ store: inner, publisher: { publish: async () => {} } });
  let raced = 0;
  return {
    create: (profile, snapshot) => inner.create(profile, snapshot),
    load: (sessionId) => inner.load(sessionId),
    messages: (sessionId, afterSeq) => inner.messages(sessionId, afterSeq),
    settleChange: (sessionId, changeId) => inner.settleChange(sessionId, changeId),
    appendTranscript: (sessionId, turn) => inner.appendTranscript(sessionId, turn),
    transcriptTail: (sessionId, limit) => inner.transcriptTail(sessionId, limit),
    close: () => inner.close(),
    commit: async (sessionId, expectedVersion, next, message, changeId) => {
      if (raced < races) await rival.apply(sessionId, "recruiter", addTrait(`Rival ${raced++}`));
      return inner.commit(sessionId, expectedVersion, next, message, changeId);
    },
  };
}

describe("ProfileService", () => {
  it("creates a version-0 profile logged with its seq-0 snapshot", async () => {
    const { store, service, sessionId } = await createHarness();
    const profile = await service.load(sessionId);
    expect(profile).toMatchObject({ version: 0, status: "in_progress", traits: [], confirmedFields: [] });
    expect(profile.requirements.jobTitle).toBe("Senior Backend Engineer");
    const [snapshot] = await store.messages(sessionId);
    expect(snapshot).toMatchObject({ type: "profile.snapshot", seq: 0, v: "1.1", source: "agent" });
  });

  it("rejects session input the profile schema refuses, naming the field", async () => {
    const service = new ProfileService({
      store: await createMemoryStore(),
      publisher: { publish: async () => {} },
    });
    const bad = { ...SAMPLE_SESSION, requirements: { experienceMinYears: 9, experienceMaxYears: 3 } };
    await expect(service.createSession(bad)).rejects.toThrow(InvalidSessionInputError);
    await expect(service.createSession(bad)).rejects.toThrow(/experienceMinYears/);
  });

  it("commits, publishes and notifies one enveloped message per change", async () => {
    const { service, publisher, sessionId } = await createHarness();
    const seen: number[] = [];
    const unsubscribe = service.onChange(({ message }) => seen.push(message.seq));
    const change = await service.apply(sessionId, "recruiter", addTrait("Distributed Systems"));
    unsubscribe();
    await service.apply(sessionId, "agent", addTrait("Ownership"));
    expect(change.profile.version).toBe(1);
    expect(change.message).toMatchObject({ seq: 1, source: "recruiter", type: "trait.created", sessionId });
    expect(publisher.messages.map((message) => message.seq)).toEqual([1, 2]);
    expect(seen).toEqual([1]);
    expect((await service.snapshot(sessionId)).seq).toBe(2);
  });

  it("writes and publishes nothing when the plan refuses or the result is invalid", async () => {
    const { service, publisher, sessionId } = await createHarness();
    await expect(
      service.apply(sessionId, "agent", () => new ChangeError("no such trait", "not_found")),
    ).rejects.toThrow("no such trait");
    const invalid = () => ({
      type: "requirements.updated" as const,
      data: { requirements: { experienceMinYears: 8, experienceMaxYears: 2 } },
    });
    await expect(service.apply(sessionId, "agent", invalid)).rejects.toThrow(
      /profile invalid .*experienceMinYears/,
    );
    expect((await service.load(sessionId)).version).toBe(0);
    expect(publisher.messages).toEqual([]);
  });

  it("returns without writing when the plan has nothing to change", async () => {
    const { service, publisher, sessionId } = await createHarness();
    const result = await service.apply(sessionId, "agent", () => null);
    expect(result.message).toBeNull();
    expect((await service.load(sessionId)).version).toBe(0);
    expect(publisher.messages).toEqual([]);
  });

  it("re-plans on fresh state when another writer commits first", async () => {
    const store = raceyStore(1);
    const { service, sessionId } = await createHarness({ createStore: () => store });
    let plans = 0;
    const change = await service.apply(sessionId, "agent", (profile, context) => {
      plans++;
      return addTrait(`Mine after ${profile.traits.length}`)(profile, context);
    });
    expect(plans).toBe(2);
    expect(change.profile.traits.map((trait) => trait.name)).toEqual(["Rival 0", "Mine after 1"]);
    expect(change.profile.version).toBe(2);
  });

  it("catches another process's write between two of its own changes (its last commit is stale)", async () => {
    const store = new MemoryProfileStore();
    const publish = async () => {};
    const mine = new ProfileService({ store, publisher: { publish } });
    const other = new ProfileService({ store, publisher: { publish } });
    const { sessionId } = await mine.createSession(SAMPLE_SESSION);
    await mine.apply(sessionId, "agent", addTrait("First"));
    await other.apply(sessionId, "recruiter", addTrait("From elsewhere"));
    const change = await mine.apply(sessionId, "agent", addTrait("Second"));
    expect(change.profile.version).toBe(3);
    expect(change.profile.traits.map((trait) => trait.name)).toEqual(["First", "From elsewhere", "Second"]);
    expect(foldMessages(null, await store.messages(sessionId, -1)).profile).toEqual(change.profile);
  });

  it("current() reads after the changes requested before it, even unawaited", async () => {
    const { service, sessionId } = await createHarness();
    const change = service.apply(sessionId, "agent", addTrait("Queued"));
    const read = await service.current(sessionId);
    expect(read.traits.map((trait) => trait.name)).toEqual(["Queued"]);
    await change;
  });

  it("gives up with a clear error after bounded conflicts", async () => {
    const store = raceyStore(Number.POSITIVE_INFINITY);
    const service = new ProfileService({ store, publisher: { publish: async () => {} }, maxRetries: 3 });
    const { sessionId } = await service.createSession(SAMPLE_SESSION);
    const attempt = service.apply(sessionId, "agent", addTrait("Never lands"));
    await expect(attempt).rejects.toThrow(ConflictRetriesExhaustedError);
    const names = (await service.load(sessionId)).traits.map((trait) => trait.name);
    expect(names).toEqual(["Rival 0", "Rival 1", "Rival 2"]);
  });

  it("keeps the commit when publishing fails, and logs it", async () => {
    const failing: Publisher = {
      publish: async () => {
        throw new Error("room gone");
      },
    };
    const logged: string[] = [];
    const store = new MemoryProfileStore();
    const withFailingPublisher = new ProfileService({
      store,
      publisher: failing,
      logger: { warn: (message) => logged.push(message) },
    });
    const profile = await withFailingPublisher.createSession(SAMPLE_SESSION);
    const change = await withFailingPublisher.apply(profile.sessionId, "agent", addTrait("Grit"));
    expect(change.profile.version).toBe(1);
    expect((await store.load(profile.sessionId))?.version).toBe(1);
    expect(logged).toEqual(["publishing a committed profile message failed"]);
  });

  it("turns an unreachable store into ProfileUnavailableError and writes nothing", async () => {
    const store = new MemoryProfileStore();
    const { service, publisher, sessionId } = await createHarness({ createStore: () => store });
    store.unavailable = true;
    await expect(service.apply(sessionId, "agent", addTrait("Grit"))).rejects.toThrow(
      ProfileUnavailableError,
    );
    store.unavailable = false;
    expect((await service.load(sessionId)).version).toBe(0);
    expect(publisher.messages).toEqual([]);
  });

  it("settled() waits for changes already started", async () => {
    const { service, sessionId } = await createHarness();
    const pending = [
      service.apply(sessionId, "agent", addTrait("A")),
      service.apply(sessionId, "agent", addTrait("B")),
    ];
    const failing = service.apply(sessionId, "agent", () => new ChangeError("no"));
    await service.settled();
    expect((await service.load(sessionId)).version).toBe(2);
    await Promise.all(pending);
    await expect(failing).rejects.toThrow("no");
  });

  it("reports an unknown session", async () => {
    const { service } = await createHarness();
    await expect(service.apply("nope", "agent", addTrait("Grit"))).rejects.toThrow(SessionNotFoundError);
  });

  it("serializes 20 parallel changes: versions 1..20, and the fold of published messages equals the store", async () => {
    const { store, service, publisher, sessionId } = await createHarness();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => service.apply(sessionId, "agent", addTrait(`Trait ${index}`))),
    );
    const stored = await service.load(sessionId);
    expect(stored.traits).toHaveLength(20);
    expect(publisher.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const [snapshot] = (await store.messages(sessionId)) as [ProtocolMessage];
    const folded = foldMessages(null, [snapshot, ...publisher.messages]);
    expect(folded.status).toBe("applied");
    expect(folded.profile).toEqual(stored);
  });
});
