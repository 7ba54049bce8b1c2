/**
 * Recruiter edits through the RPC handler path. No LiveKit server runs here, so the handler is
 * invoked with the RpcInvocationData the SDK would deliver, and its refusals are the SDK's real
 * RpcError objects; the store is the real embedded PGlite.
 */
import { decodeEditResult, foldMessages } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDIT_RPC_ERROR_CODES } from "./index.js";
import { createEditRpcHarness, RECRUITER, refusal } from "./testing/edit-rpc-harness.js";

let rpc: Awaited<ReturnType<typeof createEditRpcHarness>>;

beforeAll(async () => {
  rpc = await createEditRpcHarness({
    sessionId: "edit-session",
    recruiter: { firstName: "Maya" },
    requirements: { jobTitle: "Backend Engineer", experienceMinYears: 5 },
    traits: [{ name: "Distributed Systems", description: "Runs services at scale." }],
    stages: [
      { name: "Phone Screen", description: "Basics" },
      { name: "Technical", description: "Coding" },
      { name: "Onsite", description: "Design" },
    ],
    nuances: [{ category: "red_flag", insight: "Avoid job hoppers" }],
  });
});
afterAll(() => rpc.store.close());

const invoke: typeof rpc.invoke = (...args) => rpc.invoke(...args);
const profile = () => rpc.profile();

describe("recruiter edit RPC", () => {
  it("applies an edit as the recruiter, publishes it and tells the model", async () => {
    const before = await profile();
    const trait = before.traits[0];
    if (!trait) throw new Error("fixture has a trait");
    const reply = decodeEditResult(
      await invoke({
        type: "trait.update",
        data: { traitId: trait.id, name: "Distributed Systems Design", priority: "nice_to_have" },
      }),
    );
    expect(reply).toEqual({
      ok: true,
      message: { ok: true, commandId: rpc.lastCommandId(), seq: before.version + 1 },
    });
    const after = await profile();
    expect(after.traits[0]).toMatchObject({
      name: "Distributed Systems Design",
      priority: "nice_to_have",
      description: trait.description,
    });
    const published = rpc.harness.publisher.messages.at(-1);
    expect(published).toMatchObject({ type: "trait.updated", source: "recruiter", seq: after.version });
    expect(rpc.told.at(-1)).toBe(
      [
        "The recruiter edited the profile on screen:",
        "[[[BEGIN DATA: recruiter's edit on screen]]]",
        'trait "Distributed Systems" now {"name":"Distributed Systems Design","priority":"nice_to_have"}',
        "[[[END DATA]]]",
      ].join("\n"),
    );
  });

  it("edits requirements with a patch where null clears a field", async () => {
    await invoke({
      type: "requirements.update",
      data: {
        requirements: {
          experienceMinYears: null,
          compensation: { min: 150000, max: 180000, currency: "EUR", interval: "year" },
        },
      },
    });
    const { requirements } = await profile();
    expect(requirements).toEqual({
      jobTitle: "Backend Engineer",
      compensation: { min: 150000, max: 180000, currency: "EUR", interval: "year" },
    });
  });

  it("reorders, edits and deletes stages keeping orders 1..n", async () => {
    const ids = (await profile()).stages.map((stage) => stage.id);
    await invoke({ type: "stages.reorder", data: { stageIds: [ids[2], ids[0], ids[1]] as string[] } });
    await invoke({
      type: "stage.update",
      data: { stageId: ids[0] as string, durationMinutes: 30, interviewerRole: "Recruiter" },
    });
    await invoke({ type: "stage.delete", data: { stageId: ids[2] as string } });
    const { stages } = await profile();
    expect(stages.map((stage) => [stage.order, stage.name, stage.durationMinutes])).toEqual([
      [1, "Phone Screen", 30],
      [2, "Technical", undefined],
    ]);
    await invoke({ type: "stage.update", data: { stageId: ids[0] as string, durationMinutes: null } });
    expect((await profile()).stages[0]).not.toHaveProperty("durationMinutes");
  });

  it("deletes a nuance and confirms a filled field", async () => {
    const nuance = (await profile()).nuances[0];
    await invoke({ type: "nuance.delete", data: { nuanceId: nuance?.id as string } });
    await invoke({ type: "field.confirm", data: { field: "job_title" } });
    const after = await profile();
    expect(after.nuances).toEqual([]);
    expect(after.confirmedFields).toEqual(["job_title"]);
  });

  it("refuses a non-recruiter identity and changes nothing", async () => {
    const before = await profile();
    const published = rpc.harness.publisher.messages.length;
    const { code, result } = await refusal(
      invoke(
        { type: "trait.delete", data: { traitId: before.traits[0]?.id as string } },
        { callerIdentity: "agent-xyz" },
      ),
    );
    expect(code).toBe(EDIT_RPC_ERROR_CODES.forbidden);
    expect(result.error.code).toBe("forbidden");
    expect(await profile()).toEqual(before);
    expect(rpc.harness.publisher.messages.length).toBe(published);
  });

  it("refuses invalid commands with a clear message and changes nothing", async () => {
    const before = await profile();
    const malformed = await refusal(
      rpc.handle({ requestId: "r", callerIdentity: RECRUITER, payload: "{nope", responseTimeout: 1 }),
    );
    expect(malformed.result.error.code).toBe("invalid_command");
    const unknown = await refusal(invoke({ type: "trait.delete", data: { traitId: "gone" } }));
    expect(unknown).toMatchObject({
      code: EDIT_RPC_ERROR_CODES.not_found,
      message: "trait gone no longer exists",
    });
    const inverted = await refusal(
      invoke({
        type: "requirements.update",
        data: { requirements: { experienceMinYears: 9, experienceMaxYears: 2 } },
      }),
    );
    expect(inverted.message).toContain("experienceMinYears");
    const partial = await refusal(
      invoke({ type: "stages.reorder", data: { stageIds: [before.stages[0]?.id as string] } }),
    );
    expect(partial.message).toMatch(/every current interview stage/);
    // Names stay unique per profile (ignoring case and spacing) on the edit path too.
    const stage = before.stages[1]?.id as string;
    const taken = await refusal(
      invoke({ type: "stage.update", data: { stageId: stage, name: " phone  SCREEN" } }),
    );
    expect(taken.message).toBe(
      'another interview stage is already named "Phone Screen"; choose a different name',
    );
    const same = await invoke({ type: "stage.update", data: { stageId: stage, name: "technical" } });
    expect(JSON.parse(same)).toMatchObject({ ok: true });
    const unfilled = await refusal(invoke({ type: "field.confirm", data: { field: "visa" } }));
    expect(unfilled.message).toBe("visa has no value yet; fill it in before confirming it");
    const foreign = await refusal(
      invoke({ type: "field.confirm", data: { field: "job_title" } }, { sessionId: "another-session" }),
    );
    expect(foreign.result.error.code).toBe("forbidden");
    // Only the allowed rename (a stage to its own name in other case) changed anything.
    expect({ ...(await profile()), version: before.version, stages: before.stages }).toEqual(before);
  });

  it("keeps the published messages folding to the stored profile", async () => {
    const log = await rpc.store.messages(rpc.harness.sessionId, -1);
    expect(foldMessages(null, log).profile).toEqual(await profile());
  });
});
