/**
 * Hostile edit RPC payloads, generated: whatever a participant sends, the handler answers with a
 * refusal the widget can show (an RpcError whose data is an EditResult) or applies a valid edit;
 * it never throws anything else and a refused edit writes and publishes nothing.
 */
import { RpcError } from "@livekit/rtc-node";
import {
  decodeEditResult,
  type EditCommand,
  encodeEditCommand,
  MAX_EDIT_COMMAND_BYTES,
  PROTOCOL_VERSION,
} from "@voice-onboarding/protocol";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type TestHarness } from "../service/testing/fixtures.js";
import { replaceSomewhere } from "../testing/hostile-json.js";
import { limitEdits } from "./edit-limits.js";
import { createEditRpcHandler, EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

const RECRUITER = "recruiter-1";
let harness: TestHarness;
let commands: EditCommand[];

beforeAll(async () => {
  harness = await createHarness({
    session: {
      sessionId: "hostile-edits",
      recruiter: { firstName: "Maya" },
      requirements: { jobTitle: "Backend Engineer" },
      traits: [{ name: "Distributed Systems", description: "Runs services at scale." }],
      stages: [
        { name: "Phone Screen", description: "Basics" },
        { name: "Onsite", description: "Design" },
      ],
      nuances: [{ category: "red_flag", insight: "Avoid job hoppers" }],
    },
  });
  const profile = await harness.service.load(harness.sessionId);
  const [trait] = profile.traits;
  const [first, second] = profile.stages;
  const nuance = profile.nuances[0];
  if (!trait || !first || !second || !nuance) throw new Error("fixture incomplete");
  const envelope = { v: PROTOCOL_VERSION, sessionId: harness.sessionId, commandId: "c-1" };
  commands = [
    { ...envelope, type: "requirements.update", data: { requirements: { jobTitle: "Staff Engineer" } } },
    { ...envelope, type: "trait.update", data: { traitId: trait.id, name: "Systems", signals: ["a"] } },
    { ...envelope, type: "trait.delete", data: { traitId: trait.id } },
    { ...envelope, type: "stage.update", data: { stageId: first.id, durationMinutes: 45 } },
    { ...envelope, type: "stage.delete", data: { stageId: second.id } },
    { ...envelope, type: "stages.reorder", data: { stageIds: [second.id, first.id] } },
    { ...envelope, type: "nuance.delete", data: { nuanceId: nuance.id } },
    { ...envelope, type: "field.confirm", data: { field: "job_title" } },
  ];
});

/** Payloads a participant could send instead of the widget's encoded EditCommand. */
const hostilePayload = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
    fc
      .record({
        command: fc.nat(),
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        replacement: fc.oneof(
          fc.jsonValue(),
          fc.constantFrom("__proto__", "x".repeat(5000), -1, 1e308, "other-session"),
        ),
      })
      .map(({ command, path, replacement }) =>
        JSON.stringify(replaceSomewhere(commands[command % commands.length], path, replacement)),
      ),
    fc.nat().map((command) => {
      const json = JSON.stringify(commands[command % commands.length]);
      return `{"__proto__":{"polluted":true},${json.slice(1)}`;
    }),
    fc.nat(MAX_EDIT_COMMAND_BYTES).map((extra) => {
      const { data, ...rest } = commands[0] as EditCommand;
      return JSON.stringify({
        ...rest,
        data: { ...data, pad: "é".repeat(MAX_EDIT_COMMAND_BYTES / 2 + extra) },
      });
    }),
  );

const callers = fc.constantFrom(RECRUITER, RECRUITER, "intruder", "agent-xyz", "");

describe("edit RPC under hostile payloads", () => {
  it("refuses what is not a valid edit with an EditResult and writes nothing; applies only valid edits", async () => {
    const handle = createEditRpcHandler({
      service: harness.service,
      sessionId: harness.sessionId,
      isRecruiter: (identity) => identity === RECRUITER,
    });
    const codes = new Set(Object.values(EDIT_RPC_ERROR_CODES));
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostilePayload(), callers, async (payload, callerIdentity) => {
        const before = await harness.service.load(harness.sessionId);
        const published = harness.publisher.messages.length;
        const outcome = await handle({
          requestId: "r",
          callerIdentity,
          payload,
          responseTimeout: 10_000,
        }).then(
          (reply) => ({ reply }),
          (error: unknown) => ({ error }),
        );
        const after = await harness.service.load(harness.sessionId);
        if ("reply" in outcome) {
          applied += 1;
          expect(callerIdentity).toBe(RECRUITER);
          expect(JSON.parse(outcome.reply)).toMatchObject({ ok: true });
          expect(after.version).toBeGreaterThanOrEqual(before.version);
          return;
        }
        refused += 1;
        expect(outcome.error).toBeInstanceOf(RpcError);
        const error = outcome.error as RpcError;
        expect(codes.has(error.code as number)).toBe(true);
        expect(error.message.length).toBeGreaterThan(0);
        const result = decodeEditResult(error.data ?? "");
        expect(result.ok && !result.message.ok).toBe(true);
        // Nothing written, nothing published, no prototype touched.
        expect(after).toEqual(before);
        expect(harness.publisher.messages).toHaveLength(published);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
    expect(refused).toBeGreaterThan(1_500);
    expect(applied).toBeGreaterThan(0);
  }, 300_000);

  it("refuses edits past the rate limit with a reason the widget shows, and writes none of them", async () => {
    let now = 0;
    const handle = limitEdits(
      createEditRpcHandler({
        service: harness.service,
        sessionId: harness.sessionId,
        isRecruiter: (identity) => identity === RECRUITER,
      }),
      { burst: 20, perMinute: 60 },
      () => now,
    );
    const before = await harness.service.load(harness.sessionId);
    const edit = (index: number, callerIdentity = RECRUITER) =>
      handle({
        requestId: `r${index}`,
        callerIdentity,
        payload: encodeEditCommand({
          v: PROTOCOL_VERSION,
          sessionId: harness.sessionId,
          commandId: `flood-${index}`,
          type: "requirements.update",
          data: { requirements: { jobTitle: `Engineer ${index}` } },
        }),
        responseTimeout: 10_000,
      }).then(
        () => "saved",
        (error: RpcError) => {
          const result = decodeEditResult(error.data ?? "");
          return result.ok && !result.message.ok
            ? `${result.message.error.code}: ${result.message.commandId}`
            : "?";
        },
      );
    const outcomes = [];
    for (let index = 0; index < 25; index++) outcomes.push(await edit(index));
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("saved"));
    expect(outcomes.slice(20)).toEqual([20, 21, 22, 23, 24].map((index) => `unavailable: flood-${index}`));
    expect((await harness.service.load(harness.sessionId)).version).toBe(before.version + 20);
    const refusal = await handle({
      requestId: "r",
      callerIdentity: RECRUITER,
      payload: "{}",
      responseTimeout: 10_000,
    }).catch((error: RpcError) => error.message);
    expect(refusal).toMatch(/too many edits at once .*wait 1 s and save again/);
    // A second later one more fits.
    now = 1_000;
    expect(await edit(99)).toBe("saved");
  });
});
