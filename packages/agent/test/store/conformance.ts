import { foldMessages, type JobProfile } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  keepsTurnLatency,
  type ProfileStore,
  SessionExistsError,
  StoreUnavailableError,
} from "../../src/store/index.js";
import {
  apply,
  commitWithRetry,
  envelope,
  INTAKE,
  newProfile,
  newSessionId,
  nuanceMessage,
  snapshotOf,
  steadyChange,
} from "./fixtures.js";

export type ApiRole = "anon" | "authenticated";

export type Attempt =
  | { kind: "select"; table: string }
  | { kind: "call"; fn: string; args: Record<string, unknown> };

export interface AttemptOutcome {
  allowed: boolean;
  /** SQLSTATE of the refusal, e.g. 42501. */
  code?: string;
}

/** One adapter wired to its database, as the conformance suite needs it. */
export interface ConformanceTarget {
  store: ProfileStore;
  /** Runs a row-returning statement (SELECT, or UPDATE/DELETE ... RETURNING) as the database owner. */
  adminQuery(sql: string): Promise<Record<string, unknown>[]>;
  /** What an unprivileged API role gets when it tries `attempt` by the route browsers would use. */
  tryAs(role: ApiRole, attempt: Attempt): Promise<AttemptOutcome>;
  /** Makes the database unreachable for the rest of the suite. */
  takeDown(): Promise<void>;
  teardown(): Promise<void>;
}

const TABLES = [
  "job_profiles",
  "job_profile_events",
  "job_profile_changes",
  "job_profile_transcript",
  "job_profile_turn_latency",
];

/** Each attempt, made with the anon and the authenticated role, is refused with 42501. */
export async function expectRefusedToBrowsers(
  target: Pick<ConformanceTarget, "tryAs">,
  attempts: readonly Attempt[],
): Promise<void> {
  for (const role of ["anon", "authenticated"] as const) {
    for (const attempt of attempts) {
      const outcome = await target.tryAs(role, attempt);
      expect({ role, attempt, outcome }).toEqual({
        role,
        attempt,
        outcome: { allowed: false, code: "42501" },
      });
    }
  }
}

/** The behaviour every ProfileStore adapter must have; `setup` runs once, before the first test. */
export function profileStoreConformance(name: string, setup: () => Promise<ConformanceTarget>): void {
  describe(`ProfileStore conformance: ${name}`, () => {
    let target: ConformanceTarget;
    let store: ProfileStore;

    beforeAll(async () => {
      target = await setup();
      store = target.store;
    });
    afterAll(async () => {
      await target?.teardown();
    });

    async function created(label: string): Promise<JobProfile> {
      const profile = newProfile(newSessionId(label));
      await store.create(profile, snapshotOf(profile));
      return profile;
    }

    async function commitNext(profile: JobProfile, n = 0): Promise<JobProfile> {
      const message = steadyChange(profile, n);
      const next = apply(profile, message);
      expect(await store.commit(profile.sessionId, profile.version, next, message)).toEqual({ ok: true });
      return next;
    }

    it("creates a profile at version 0 and loads it back unchanged", async () => {
      const profile = newProfile(newSessionId("roundtrip"));
      const snapshot = snapshotOf(profile);
      await store.create(profile, snapshot);
      expect(await store.load(profile.sessionId)).toEqual(profile);
      expect(await store.messages(profile.sessionId)).toEqual([snapshot]);
      expect(await store.load(newSessionId("never-created"))).toBeNull();
    });

    it("refuses to create a session twice and keeps the first", async () => {
      const profile = await created("twice");
      const other = { ...profile, requirements: { jobTitle: "Staff Engineer" } };
      await expect(store.create(other, snapshotOf(other))).rejects.toBeInstanceOf(SessionExistsError);
      expect(await store.load(profile.sessionId)).toEqual(profile);
      expect(await store.messages(profile.sessionId)).toHaveLength(1);
    });

    it("commits the next version and logs its message", async () => {
      const v0 = await created("commit");
      const v1 = await commitNext(v0, 1);
      const v2 = await commitNext(v1, 2);
      expect(v2.version).toBe(2);
      expect(await store.load(v0.sessionId)).toEqual(v2);
      expect((await store.messages(v0.sessionId)).map((m) => m.seq)).toEqual([0, 1, 2]);
    });

    it("answers a stale or future expectedVersion with conflict and writes nothing", async () => {
      const v0 = await created("conflict");
      const v1 = await commitNext(v0, 1);
      const before = await store.messages(v0.sessionId);
      for (const expectedVersion of [0, 5]) {
        const base = { ...v1, version: expectedVersion };
        const message = nuanceMessage(base, `late-${expectedVersion}`);
        const result = await store.commit(v0.sessionId, expectedVersion, apply(base, message), message);
        expect(result).toEqual({ ok: false, reason: "conflict", currentVersion: 1 });
      }
      expect(await store.load(v0.sessionId)).toEqual(v1);
      expect(await store.messages(v0.sessionId)).toEqual(before);
    });

    it("applies a commit once: the same commit sent again is a conflict", async () => {
      const v0 = await created("replay");
      const message = steadyChange(v0, 1);
      const v1 = apply(v0, message);
      expect(await store.commit(v0.sessionId, 0, v1, message)).toEqual({ ok: true });
      expect(await store.commit(v0.sessionId, 0, v1, message)).toEqual({
        ok: false,
        reason: "conflict",
        currentVersion: 1,
      });
      expect(await store.load(v0.sessionId)).toEqual(v1);
      expect(await store.messages(v0.sessionId)).toHaveLength(2);
    });

    it("commits a change id once: a repeat answers with the first outcome and writes nothing", async () => {
      const v0 = await created("change-id");
      const message = steadyChange(v0, 1);
      const v1 = apply(v0, message);
      expect(await store.commit(v0.sessionId, 0, v1, message, "call-1")).toEqual({ ok: true });
      // The retry after a lost reply planned on the fresh version: still the first outcome.
      const retry = steadyChange(v1, 2);
      const result = await store.commit(v0.sessionId, 1, apply(v1, retry), retry, "call-1");
      expect(result).toEqual({ ok: true, replayed: message });
      expect(await store.load(v0.sessionId)).toEqual(v1);
      expect(await store.messages(v0.sessionId)).toHaveLength(2);
      // A conflict does not use the id up: the writer retries it on the fresh version.
      const stale = nuanceMessage(v0, "stale");
      expect(await store.commit(v0.sessionId, 0, apply(v0, stale), stale, "call-2")).toMatchObject({
        reason: "conflict",
      });
      const fresh = nuanceMessage(v1, "fresh");
      expect(await store.commit(v0.sessionId, 1, apply(v1, fresh), fresh, "call-2")).toEqual({ ok: true });
    });

    it("settles a change id: the landed message, or abandoned so it can never land", async () => {
      const v0 = await created("settle");
      const message = steadyChange(v0, 1);
      const v1 = apply(v0, message);
      await store.commit(v0.sessionId, 0, v1, message, "landed");
      expect(await store.settleChange(v0.sessionId, "landed")).toEqual(message);
      expect(await store.settleChange(v0.sessionId, "never-sent")).toBeNull();
      const late = nuanceMessage(v1, "late");
      expect(await store.commit(v0.sessionId, 1, apply(v1, late), late, "never-sent")).toEqual({
        ok: false,
        reason: "abandoned",
      });
      expect(await store.load(v0.sessionId)).toEqual(v1);
    });

    it("keeps the transcript per session and returns the last turns oldest first", async () => {
      const v0 = await created("transcript");
      for (let i = 1; i <= 5; i++) {
        await store.appendTranscript(v0.sessionId, {
          role: i % 2 ? "agent" : "recruiter",
          text: `turn ${i}`,
        });
      }
      expect(await store.transcriptTail(v0.sessionId, 2)).toEqual([
        { role: "recruiter", text: "turn 4" },
        { role: "agent", text: "turn 5" },
      ]);
      await store.appendTranscript(newSessionId("no-such"), { role: "agent", text: "ignored" });
      expect(await store.transcriptTail(newSessionId("no-such"), 5)).toEqual([]);
    });

    it("answers not_found for an unknown session", async () => {
      const ghost = newProfile(newSessionId("ghost"));
      const message = steadyChange(ghost, 1);
      expect(await store.commit(ghost.sessionId, 0, apply(ghost, message), message)).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await store.messages(ghost.sessionId)).toEqual([]);
      expect(await store.load(ghost.sessionId)).toBeNull();
    });

    it("refuses a malformed write as a bug, not an outage, and writes nothing", async () => {
      const v0 = await created("malformed");
      const message = steadyChange(v0, 1);
      const v1 = apply(v0, message);
      const wrongVersion = store.commit(v0.sessionId, 0, { ...v1, version: 7 }, message);
      await expect(wrongVersion).rejects.toThrow(/version/);
      await expect(wrongVersion).rejects.not.toBeInstanceOf(StoreUnavailableError);
      const otherSession = store.commit(v0.sessionId, 0, { ...v1, sessionId: "someone-else" }, message);
      await expect(otherSession).rejects.toThrow(/session/);
      expect(await store.load(v0.sessionId)).toEqual(v0);
      expect(await store.messages(v0.sessionId)).toHaveLength(1);
    });

    it("logs every message in seq order, and folding the log from the snapshot gives the stored profile", async () => {
      let profile = await created("fold");
      for (const change of INTAKE) {
        const message = change(profile, envelope(profile));
        const next = apply(profile, message);
        expect(await store.commit(profile.sessionId, profile.version, next, message)).toEqual({ ok: true });
        profile = next;
      }
      expect(profile.status).toBe("completed");
      const stored = await store.load(profile.sessionId);
      expect(stored).toEqual(profile);

      const log = await store.messages(profile.sessionId);
      expect(log.map((m) => m.seq)).toEqual([...Array(INTAKE.length + 1).keys()]);
      expect(log.map((m) => m.type)).toContain("onboarding.completed");
      const [snapshot, ...changes] = log;
      expect(snapshot?.type).toBe("profile.snapshot");
      const fold = foldMessages(null, log);
      expect(fold.status).toBe("applied");
      expect(fold.profile).toEqual(stored);
      // A widget that already holds version 5 catches up from the rest of the log.
      const tail = await store.messages(profile.sessionId, 5);
      expect(tail).toEqual(changes.slice(5));
      expect(foldMessages(foldMessages(null, log.slice(0, 6)).profile, tail).profile).toEqual(stored);
    });

    it("loses nothing when 20 writers race on one session, retrying on conflict", async () => {
      const profile = await created("race");
      const writers = Array.from({ length: 20 }, (_, i) =>
        commitWithRetry(store, profile.sessionId, (current) => nuanceMessage(current, `race-${i}`)),
      );
      const attempts = await Promise.all(writers);
      const stored = await store.load(profile.sessionId);
      expect(stored?.version).toBe(20);
      expect(stored?.nuances.map((n) => n.id).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `race-${i}`).sort(),
      );
      const log = await store.messages(profile.sessionId);
      expect(log.map((m) => m.seq)).toEqual([...Array(21).keys()]);
      expect(foldMessages(null, log).profile).toEqual(stored);
      expect(attempts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
    });

    it("keeps every table behind row level security with nothing granted to browser roles", async () => {
      const flags = await target.adminQuery(
        `select relname, relrowsecurity from pg_class
          where relnamespace = 'public'::regnamespace and relname like 'job_profile%' and relkind = 'r'
          order by relname`,
      );
      expect(flags).toEqual([
        { relname: "job_profile_changes", relrowsecurity: true },
        { relname: "job_profile_events", relrowsecurity: true },
        { relname: "job_profile_transcript", relrowsecurity: true },
        { relname: "job_profile_turn_latency", relrowsecurity: true },
        { relname: "job_profiles", relrowsecurity: true },
      ]);
      const policies = await target.adminQuery(
        "select policyname from pg_policies where schemaname = 'public' and tablename like 'job_profile%'",
      );
      expect(policies).toEqual([]);

      const profile = await created("rls");
      const calls: Attempt[] = [
        { kind: "call", fn: "get_job_profile", args: { p_session_id: profile.sessionId } },
        {
          kind: "call",
          fn: "job_profile_messages",
          args: { p_session_id: profile.sessionId, p_after_seq: -1 },
        },
        { kind: "call", fn: "create_job_profile", args: { p_session_id: "x", p_profile: {}, p_message: {} } },
        {
          kind: "call",
          fn: "commit_job_profile_change",
          args: { p_session_id: profile.sessionId, p_expected_version: 0, p_profile: {}, p_message: {} },
        },
        { kind: "call", fn: "turn_latency", args: { p_session_id: profile.sessionId } },
        {
          kind: "call",
          fn: "record_turn_latency",
          args: { p_session_id: profile.sessionId, p_speech_id: "x", p_latency: {} },
        },
      ];
      await expectRefusedToBrowsers(target, [
        ...TABLES.map((table): Attempt => ({ kind: "select", table })),
        ...calls,
      ]);
      expect(await store.load(profile.sessionId)).toEqual(profile);
    });

    it("keeps each voice turn's latency with its session, once per speech id, oldest first", async () => {
      if (!keepsTurnLatency(store)) throw new Error(`${name} keeps no turn latency`);
      const profile = await created("latency");
      expect(await store.turnLatency(profile.sessionId)).toEqual([]);
      const first = {
        speechId: "speech_a",
        endOfUtteranceDelayMs: 510,
        llmTtftMs: 42.5,
        ttsTtfbMs: 80,
        endToEndMs: 632.5,
      };
      await store.recordTurnLatency(profile.sessionId, first);
      await store.recordTurnLatency(profile.sessionId, { ...first, llmTtftMs: 999 }); // a retry: kept once
      await store.recordTurnLatency(profile.sessionId, { speechId: "speech_b", llmTtftMs: 30 });
      const turns = await store.turnLatency(profile.sessionId);
      expect(turns.map(({ at, ...turn }) => turn)).toEqual([first, { speechId: "speech_b", llmTtftMs: 30 }]);
      expect(Number.isNaN(Date.parse(turns[0]?.at ?? ""))).toBe(false);
      await expect(store.recordTurnLatency("no-such-session", first)).rejects.toThrow();
    });

    it("never lets a logged message be updated or deleted, even by the owner", async () => {
      const v0 = await created("append-only");
      await commitNext(v0, 1);
      const before = await store.messages(v0.sessionId);
      const where = `where session_id = '${v0.sessionId}'`;
      await expect(
        target.adminQuery(`update public.job_profile_events set type = 'tampered' ${where} returning seq`),
      ).rejects.toThrow(/append-only/);
      await expect(
        target.adminQuery(`delete from public.job_profile_events ${where} returning seq`),
      ).rejects.toThrow(/append-only/);
      expect(await store.messages(v0.sessionId)).toEqual(before);
    });

    // Last: the database stays down for the rest of the suite.
    it("reports a database that is down as StoreUnavailableError, promptly", async () => {
      const v0 = await created("down");
      const message = steadyChange(v0, 1);
      const fresh = newProfile(newSessionId("down"));
      await target.takeDown();
      const started = Date.now();
      const outcomes = await Promise.allSettled([
        store.load(v0.sessionId),
        store.commit(v0.sessionId, 0, apply(v0, message), message),
        store.messages(v0.sessionId),
        store.create(fresh, snapshotOf(fresh)),
      ]);
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        const error = (outcome as PromiseRejectedResult).reason;
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(error.message).toMatch(/session/);
      }
    });
  });
}
