/**
 * Recruiter edits through the RPC handler path. No LiveKit server runs here, so the handler is
 * invoked with the RpcInvocationData the SDK would deliver, and its refusals are the SDK's real
 * RpcError objects; the store is the real embedded PGlite.
 */
import { RpcError } from "@livekit/rtc-node";
import {
  decodeEditResult,
  type EditCommand,
  encodeEditCommand,
  foldMessages,
  PROTOCOL_VERSION,
} from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type TestHarness } from "../service/testing/fixtures.js";
import { createPgliteStore, type PgliteStore } from "../store/index.js";
import { createEditRpcHandler, EDIT_RPC_ERROR_CODES } from "./index.js";

const RECRUITER = "recruiter-1";
let store: PgliteStore;
let harness: TestHarness;
const told: string[] = [];
let handle: ReturnType<typeof createEditRpcHandler>;
let commands = 0;

beforeAll(async () => {
  store = await createPgliteStore();
  harness = await createHarness({
    createStore: () => store,
    session: {
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
    },
  });
  handle = createEditRpcHandler({
    service: harness.service,
    sessionId: harness.sessionId,
    isRecruiter: (identity) => identity === RECRUITER,
    onEdited: (sentence) => told.push(sentence),
  });
});
afterAll(() => store.close());

type Draft = {
  [Type in EditCommand["type"]]: { type: Type; data: Extract<EditCommand, { type: Type }>["data"] };
}[EditCommand["type"]];

function invoke(draft: Draft, callerIdentity = RECRUITER, sessionId = harness.sessionId) {
  const command = { v: PROTOCOL_VERSION, sessionId, commandId: `cmd-${++commands}`, ...draft } as EditCommand;
  return handle({
    requestId: "r",
    callerIdentity,
    payload: encodeEditCommand(command),
    responseTimeout: 10_000,
  });
}

async function refusal(promise: Promise<string>) {
  const error = await promise.then(
    () => expect.fail("the edit should have been refused"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RpcError);
  const rpcError = error as RpcError;
  const decoded = decodeEditResult(rpcError.data ?? "");
  if (!decoded.ok || decoded.message.ok) throw new Error("refusal data is not a failed EditResult");
  return { code: rpcError.code, message: rpcError.message, result: decoded.message };
}

const profile = () => harness.service.load(harness.sessionId);

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
      message: { ok: true, commandId: `cmd-${commands}`, seq: before.version + 1 },
    });
    const after = await profile();
    expect(after.traits[0]).toMatchObject({
      name: "Distributed Systems Design",
      priority: "nice_to_have",
      description: trait.description,
    });
    const published = harness.publisher.messages.at(-1);
    expect(published).toMatchObject({ type: "trait.updated", source: "recruiter", seq: after.version });
    expect(told.at(-1)).toBe(
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
    const published = harness.publisher.messages.length;
    const { code, result } = await refusal(
      invoke({ type: "trait.delete", data: { traitId: before.traits[0]?.id as string } }, "agent-xyz"),
    );
    expect(code).toBe(EDIT_RPC_ERROR_CODES.forbidden);
    expect(result.error.code).toBe("forbidden");
    expect(await profile()).toEqual(before);
    expect(harness.publisher.messages.length).toBe(published);
  });

  it("refuses invalid commands with a clear message and changes nothing", async () => {
    const before = await profile();
    const malformed = await refusal(
      handle({ requestId: "r", callerIdentity: RECRUITER, payload: "{nope", responseTimeout: 1 }),
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
      invoke({ type: "field.confirm", data: { field: "job_title" } }, RECRUITER, "another-session"),
    );
    expect(foreign.result.error.code).toBe("forbidden");
    // Only the allowed rename (a stage to its own name in other case) changed anything.
    expect({ ...(await profile()), version: before.version, stages: before.stages }).toEqual(before);
  });

  it("keeps the published messages folding to the stored profile", async () => {
    const log = await store.messages(harness.sessionId, -1);
    expect(foldMessages(null, log).profile).toEqual(await profile());
  });
});
