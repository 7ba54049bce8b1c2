import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMessage,
  foldMessages,
  type JobProfile,
  JobProfile as JobProfileSchema,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "../src/index.js";
import { profileArb } from "./support/domain-arbitraries.js";
import { intentsArb, runSender } from "./support/sender.js";

const freshProfile = profileArb.map(
  (profile): JobProfile => ({ ...profile, version: 0, status: "in_progress" }),
);
const runArb = fc.tuple(freshProfile, intentsArb).map(([initial, intents]) => runSender(initial, intents));

function snapshotOf(profile: JobProfile): ProtocolMessage {
  return {
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: "2026-01-01T00:00:00.000Z",
    source: "agent",
    type: "profile.snapshot",
    data: { profile },
  };
}

describe("applyMessage laws", () => {
  it("folding the sender's messages in order reproduces the sender's state, always schema-valid", () => {
    fc.assert(
      fc.property(runArb, ({ initial, messages, states }) => {
        let profile: JobProfile = initial;
        messages.forEach((message, index) => {
          const result = applyMessage(profile, message);
          expect(result.status).toBe("applied");
          profile = result.profile as JobProfile;
          expect(profile).toEqual(states[index]);
          expect(profile.version).toBe(message.seq);
          expect(JobProfileSchema.safeParse(profile).success).toBe(true);
          expect(profile.stages.map((stage) => stage.order)).toEqual(profile.stages.map((_, i) => i + 1));
        });
        expect(foldMessages(initial, messages).profile).toEqual(states.at(-1) ?? initial);
      }),
      { numRuns: 300 },
    );
  });

  it("duplicates and stale messages change nothing", () => {
    fc.assert(
      fc.property(runArb, fc.array(fc.nat(), { maxLength: 10 }), ({ initial, messages, states }, picks) => {
        let profile: JobProfile = initial;
        for (const [index, message] of messages.entries()) {
          profile = applyMessage(profile, message).profile as JobProfile;
          for (const pick of picks) {
            const old = messages[pick % (index + 1)] as ProtocolMessage;
            const result = applyMessage(profile, old);
            expect(result.status).toBe("stale");
            expect(result.profile).toBe(profile);
          }
        }
        expect(profile).toEqual(states.at(-1) ?? initial);
        expect(applyMessage(profile, snapshotOf(initial))).toEqual({ status: "stale", profile });
      }),
      { numRuns: 200 },
    );
  });

  it("a gap is reported, changes nothing, and a snapshot restores the sender's state exactly", () => {
    fc.assert(
      fc.property(
        runArb.filter((run) => run.messages.length >= 2),
        fc.nat(),
        ({ initial, messages, states }, pick) => {
          const missing = 1 + (pick % (messages.length - 1)); // drop one message after the first
          const before = foldMessages(initial, messages.slice(0, missing)).profile as JobProfile;
          const next = messages[missing + 1];
          if (next) {
            const result = applyMessage(before, next);
            expect(result).toEqual({ status: "gap", profile: before, expectedSeq: before.version + 1 });
            expect(result.profile).toBe(before);
          }
          const latest = states.at(-1) as JobProfile;
          const restored = applyMessage(before, snapshotOf(latest));
          expect(restored).toEqual({ status: "applied", profile: latest });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a receiver with no state needs a snapshot before any change", () => {
    fc.assert(
      fc.property(
        runArb.filter((run) => run.messages.length > 0),
        ({ initial, messages }) => {
          expect(applyMessage(null, messages[0] as ProtocolMessage)).toEqual({
            status: "gap",
            profile: null,
            expectedSeq: null,
          });
          expect(applyMessage(null, snapshotOf(initial))).toEqual({ status: "applied", profile: initial });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects messages for another session or inconsistent with the state", () => {
    fc.assert(
      fc.property(freshProfile, (profile) => {
        const base = { v: PROTOCOL_VERSION, seq: 1, at: "2026-01-01T00:00:00Z", source: "agent" } as const;
        const foreign = { ...base, sessionId: "other", type: "onboarding.completed", data: {} } as const;
        expect(applyMessage(profile, foreign).status).toBe("rejected");
        const unknownTrait = {
          ...base,
          sessionId: profile.sessionId,
          type: "trait.deleted",
          data: { traitId: "nope" },
        } as const;
        expect(applyMessage(profile, unknownTrait)).toMatchObject({
          status: "rejected",
          reason: "trait nope does not exist",
        });
        const partialOrder = {
          ...base,
          sessionId: profile.sessionId,
          type: "stages.reordered",
          data: { stageIds: profile.stages.slice(1).map((stage) => stage.id) },
        } as const;
        if (profile.stages.length > 0) expect(applyMessage(profile, partialOrder).status).toBe("rejected");
        const mismatchedSnapshot = { ...snapshotOf({ ...profile, version: 5 }), seq: 6 };
        expect(applyMessage(profile, mismatchedSnapshot).status).toBe("rejected");
      }),
      { numRuns: 50 },
    );
  });
});

describe("stage ordering", () => {
  const stage = (id: string, order: number) => ({
    id,
    name: id,
    description: `${id} stage`,
    order,
    actions: [],
  });
  const profile: JobProfile = {
    sessionId: "s",
    recruiter: { firstName: "Maya" },
    requirements: {},
    traits: [],
    stages: [stage("screen", 1), stage("tech", 2), stage("onsite", 3)],
    nuances: [],
    confirmedFields: [],
    status: "in_progress",
    version: 7,
  };
  const change = (message: object) =>
    applyMessage(profile, {
      v: PROTOCOL_VERSION,
      sessionId: "s",
      seq: 8,
      at: "2026-01-01T00:00:00Z",
      source: "agent",
      ...message,
    } as ProtocolMessage);
  const order = (result: ReturnType<typeof applyMessage>) =>
    result.profile?.stages.map((s) => `${s.order}:${s.id}`);

  it("inserts, moves, deletes and reorders keeping orders 1..n", () => {
    expect(order(change({ type: "stage.created", data: { stage: stage("take-home", 2) } }))).toEqual([
      "1:screen",
      "2:take-home",
      "3:tech",
      "4:onsite",
    ]);
    expect(order(change({ type: "stage.updated", data: { stage: stage("onsite", 1) } }))).toEqual([
      "1:onsite",
      "2:screen",
      "3:tech",
    ]);
    expect(order(change({ type: "stage.deleted", data: { stageId: "screen" } }))).toEqual([
      "1:tech",
      "2:onsite",
    ]);
    expect(
      order(change({ type: "stages.reordered", data: { stageIds: ["tech", "onsite", "screen"] } })),
    ).toEqual(["1:tech", "2:onsite", "3:screen"]);
    expect(change({ type: "stage.created", data: { stage: stage("late", 5) } }).status).toBe("rejected");
  });

  it("reopens a completed profile when a change leaves a required field missing", () => {
    const complete = applyMessage(
      { ...profile, status: "completed" },
      {
        v: PROTOCOL_VERSION,
        sessionId: "s",
        seq: 8,
        at: "2026-01-01T00:00:00Z",
        source: "recruiter",
        type: "stage.deleted",
        data: { stageId: "tech" },
      },
    );
    expect(complete.profile?.status).toBe("in_progress");
  });
});
