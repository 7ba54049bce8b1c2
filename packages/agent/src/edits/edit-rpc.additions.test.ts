/**
 * The edits of protocol 1.1 (add a trait, a stage or a note, edit the company card and a note's
 * text) through the RPC handler, as `edit-rpc.test.ts` drives the others: the SDK's real RpcError
 * objects, the real embedded PGlite store, no LiveKit server.
 */
import { RpcError } from "@livekit/rtc-node";
import { foldMessages, MAX_STAGES, PROTOCOL_VERSION } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDIT_RPC_ERROR_CODES } from "./index.js";
import { createEditRpcHarness, RECRUITER, refusal } from "./testing/edit-rpc-harness.js";

let rpc: Awaited<ReturnType<typeof createEditRpcHarness>>;

beforeAll(async () => {
  rpc = await createEditRpcHarness({
    sessionId: "additions-session",
    recruiter: { firstName: "Maya" },
    company: { name: "Acme", tagline: "Rockets for everyone" },
    requirements: { jobTitle: "Backend Engineer" },
    traits: [{ name: "Distributed Systems", description: "Runs services at scale." }],
    stages: [{ name: "Phone Screen", description: "Basics" }],
    nuances: [{ category: "red_flag", insight: "Avoid job hoppers" }],
  });
});
afterAll(() => rpc.store.close());

const invoke: typeof rpc.invoke = (...args) => rpc.invoke(...args);
const profile = () => rpc.profile();
const lastTold = () => rpc.told.at(-1)?.split("\n").slice(2, -1);

describe("recruiter edits of protocol 1.1", () => {
  it("adds a trait with the widget's id, publishes trait.created and tells the model (fenced)", async () => {
    const trait = {
      id: "w-trait-1",
      name: "Ownership",
      description: "Owns outcomes.",
      priority: "must_have" as const,
      signals: ["shipped alone"],
    };
    await invoke({ type: "trait.add", data: { trait } });
    expect((await profile()).traits.at(-1)).toEqual(trait);
    expect(rpc.harness.publisher.messages.at(-1)).toMatchObject({
      type: "trait.created",
      source: "recruiter",
    });
    expect(lastTold()).toEqual([
      'added trait {"name":"Ownership","description":"Owns outcomes.","priority":"must_have","signals":["shipped alone"]}',
    ]);
  });

  it("a retried add (same command id) writes once", async () => {
    const trait = {
      id: "w-trait-2",
      name: "Rust",
      description: "Writes Rust.",
      priority: "nice_to_have" as const,
      signals: [],
    };
    const first = JSON.parse(
      await invoke({ type: "trait.add", data: { trait } }, { commandId: "retried-add" }),
    );
    const published = rpc.harness.publisher.messages.length;
    const again = await invoke({ type: "trait.add", data: { trait } }, { commandId: "retried-add" }).then(
      JSON.parse,
      (error: RpcError) => error,
    );
    expect(first).toMatchObject({ ok: true });
    // The second reply may restate success or refuse the taken id: either way nothing new is stored.
    expect((await profile()).traits.filter((t) => t.id === "w-trait-2")).toHaveLength(1);
    expect(rpc.harness.publisher.messages.length).toBe(published);
    if (!(again instanceof RpcError)) expect(again).toEqual(first);
  });

  it("adds a stage at its place and renumbers the process", async () => {
    const stage = { id: "w-stage-1", name: "Take-home", description: "A small task.", order: 1, actions: [] };
    await invoke({ type: "stage.add", data: { stage } });
    expect((await profile()).stages.map((s) => [s.order, s.name])).toEqual([
      [1, "Take-home"],
      [2, "Phone Screen"],
    ]);
    expect(lastTold()?.[0]).toContain('added interview stage {"name":"Take-home"');
  });

  it("patches the company card and a note's text", async () => {
    await invoke({ type: "company.update", data: { company: { tagline: null, headquarters: "Berlin" } } });
    expect((await profile()).company).toEqual({ name: "Acme", headquarters: "Berlin" });
    expect(lastTold()).toEqual(["company: cleared tagline", 'company: headquarters = "Berlin"']);
    const note = (await profile()).nuances[0];
    await invoke({
      type: "nuance.update",
      data: { nuanceId: note?.id as string, insight: "Prefers long tenures" },
    });
    expect((await profile()).nuances[0]).toMatchObject({ id: note?.id, insight: "Prefers long tenures" });
    expect(rpc.harness.publisher.messages.at(-1)).toMatchObject({
      type: "nuance.updated",
      source: "recruiter",
    });
    expect(lastTold()).toEqual(['the note "Avoid job hoppers" now {"insight":"Prefers long tenures"}']);
  });

  it("restores a deleted note with nuance.add", async () => {
    const note = (await profile()).nuances[0];
    if (!note) throw new Error("fixture has a note");
    await invoke({ type: "nuance.delete", data: { nuanceId: note.id } });
    await invoke({ type: "nuance.add", data: { nuance: note } });
    expect((await profile()).nuances).toEqual([note]);
  });

  it("refuses clashes, unknown ids, an oversize field, and changes nothing", async () => {
    const before = await profile();
    const clash = await refusal(
      invoke({
        type: "trait.add",
        data: {
          trait: { id: "w-x", name: " ownership", description: "d", priority: "must_have", signals: [] },
        },
      }),
    );
    expect(clash).toMatchObject({
      code: EDIT_RPC_ERROR_CODES.invalid_command,
      message: 'another trait is already named "Ownership"; choose a different name',
    });
    const takenId = await refusal(
      invoke({
        type: "stage.add",
        data: { stage: { id: "w-stage-1", name: "Other", description: "d", order: 1, actions: [] } },
      }),
    );
    expect(takenId.message).toBe("interview stage w-stage-1 already exists; add it under a new id");
    const unknown = await refusal(
      invoke({ type: "nuance.update", data: { nuanceId: "gone", insight: "x" } }),
    );
    expect(unknown).toMatchObject({
      code: EDIT_RPC_ERROR_CODES.not_found,
      message: "nuance gone no longer exists",
    });
    // A client that skips the encoder's checks: the handler's decode refuses it.
    const oversize = {
      v: PROTOCOL_VERSION,
      sessionId: rpc.harness.sessionId,
      commandId: "raw",
      type: "company.update",
    };
    const tooLong = await refusal(
      rpc.handle({
        requestId: "r",
        callerIdentity: RECRUITER,
        payload: JSON.stringify({ ...oversize, data: { company: { tagline: "x".repeat(301) } } }),
        responseTimeout: 10_000,
      }),
    );
    expect(tooLong.code).toBe(EDIT_RPC_ERROR_CODES.invalid_command);
    expect(tooLong.message).toMatch(/tagline/);
    expect(await profile()).toEqual(before);
  });

  it("refuses a stage past the limit with the limit in the reason", async () => {
    for (let index = (await profile()).stages.length; index < MAX_STAGES; index++) {
      await invoke({
        type: "stage.add",
        data: {
          stage: {
            id: `fill-${index}`,
            name: `Stage ${index}`,
            description: "d",
            order: index + 1,
            actions: [],
          },
        },
      });
    }
    const full = await refusal(
      invoke({
        type: "stage.add",
        data: { stage: { id: "one-too-many", name: "Extra", description: "d", order: 1, actions: [] } },
      }),
    );
    expect(full.message).toBe(
      `a profile holds at most ${MAX_STAGES} interview stages; delete one before adding another`,
    );
  });

  it("keeps the published messages folding to the stored profile", async () => {
    const log = await rpc.store.messages(rpc.harness.sessionId, -1);
    expect(foldMessages(null, log).profile).toEqual(await profile());
  });
});
