import { describe, expect, it } from "vitest";
import { createOnboardingStore } from "../src/store/create-store.js";
import { describeChange } from "../src/store/describe-change.js";
import { baseProfile, message, snapshot, stage, trait, traitCreated } from "./fixtures.js";

describe("createOnboardingStore", () => {
  it("folds messages, records the last change and announces it", () => {
    const store = createOnboardingStore();
    expect(store.getState().receive(snapshot())).toBe("applied");
    expect(store.getState().receive(traitCreated(2, "t1", "Distributed Systems"))).toBe("applied");
    const state = store.getState();
    expect(state.profile?.traits.map((t) => t.name)).toEqual(["Distributed Systems"]);
    expect(state.lastChange).toMatchObject({ type: "trait.created", ids: ["t1"] });
    expect(state.announcement?.text).toBe("Added trait: Distributed Systems");
  });

  it("drops duplicates and marks gaps and rejected messages as needing a snapshot", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot());
    store.getState().receive(traitCreated(2, "t1", "Go"));
    const before = store.getState().profile;
    expect(store.getState().receive(traitCreated(2, "t1", "Go"))).toBe("stale");
    expect(store.getState().profile).toBe(before);
    expect(store.getState().receive(traitCreated(4, "t3", "Rust"))).toBe("gap");
    expect(store.getState().needsSnapshot).toBe(true);
    expect(store.getState().receive(message("trait.deleted", 3, { traitId: "missing" }))).toBe("rejected");
    expect(store.getState().receive(snapshot(baseProfile({ version: 9 })))).toBe("applied");
    expect(store.getState().needsSnapshot).toBe(false);
  });

  it("keeps a confirmed edit shown until the agent's message with its seq arrives", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot(baseProfile({ traits: [trait("t1", "Go")] })));
    const command = store
      .getState()
      .beginEdit({ type: "trait.update", data: { traitId: "t1", name: "Golang" } });
    expect(command).toMatchObject({ v: "1.1", sessionId: "session-1", type: "trait.update" });
    expect(store.getState().profile?.traits[0]?.name).toBe("Golang");
    expect(store.getState().confirmedProfile?.traits[0]?.name).toBe("Go");
    expect(store.getState().pendingEdits[command.commandId]?.itemIds).toEqual(["t1"]);

    store.getState().settleEdit({ ok: true, commandId: command.commandId, seq: 2 });
    expect(store.getState().pendingEdits[command.commandId]?.confirmedSeq).toBe(2);
    expect(store.getState().profile?.traits[0]?.name).toBe("Golang");

    store.getState().receive(message("trait.updated", 2, { trait: trait("t1", "Golang") }));
    expect(store.getState().pendingEdits).toEqual({});
    expect(store.getState().profile?.traits[0]?.name).toBe("Golang");
  });

  it("rolls a refused edit back and keeps the reason", () => {
    const store = createOnboardingStore();
    store
      .getState()
      .receive(snapshot(baseProfile({ stages: [stage("s1", "Screen", 1), stage("s2", "Onsite", 2)] })));
    const command = store.getState().beginEdit({ type: "stage.delete", data: { stageId: "s2" } });
    expect(store.getState().profile?.stages).toHaveLength(1);
    store.getState().settleEdit({
      ok: false,
      commandId: command.commandId,
      error: { code: "conflict", message: "The agent changed this stage meanwhile." },
    });
    expect(store.getState().profile?.stages.map((s) => s.name)).toEqual(["Screen", "Onsite"]);
    expect(store.getState().lastRejected).toMatchObject({
      itemIds: ["s2"],
      reason: "The agent changed this stage meanwhile.",
    });
    expect(store.getState().announcement?.text).toBe(
      "Edit not saved: The agent changed this stage meanwhile.",
    );
  });

  it("refuses to begin an edit before a profile exists", () => {
    const store = createOnboardingStore();
    expect(() => store.getState().beginEdit({ type: "trait.delete", data: { traitId: "t1" } })).toThrow(
      /before the profile has loaded/,
    );
  });

  it("gives every widget its own state", () => {
    const first = createOnboardingStore();
    const second = createOnboardingStore();
    first.getState().receive(snapshot());
    first.getState().setConnection({ status: "connected", error: null });
    first.getState().upsertTranscript({ id: "a", speaker: "agent", text: "Hi", final: true, at: 1 });
    expect(second.getState().profile).toBeNull();
    expect(second.getState().connection.status).toBe("idle");
    expect(second.getState().transcript).toEqual([]);
  });

  it("replaces interim transcript entries in place", () => {
    const store = createOnboardingStore();
    store
      .getState()
      .upsertTranscript({ id: "u1", speaker: "recruiter", text: "We need", final: false, at: 1 });
    store
      .getState()
      .upsertTranscript({ id: "u1", speaker: "recruiter", text: "We need Go", final: true, at: 2 });
    expect(store.getState().transcript).toEqual([
      { id: "u1", speaker: "recruiter", text: "We need Go", final: true, at: 1 },
    ]);
  });
});

describe("describeChange", () => {
  const previous = baseProfile({
    requirements: { jobTitle: "Staff Engineer", compensation: { min: 1, currency: "USD", interval: "year" } },
    stages: [stage("s1", "Onsite", 1)],
  });

  it("says what changed in plain words", () => {
    expect(describeChange(traitCreated(2, "t1", "Distributed Systems"), previous)).toBe(
      "Added trait: Distributed Systems",
    );
    expect(describeChange(message("stage.deleted", 2, { stageId: "s1" }), previous)).toBe(
      "Removed interview stage: Onsite",
    );
    const compensation = { min: 2, max: 3, currency: "USD", interval: "year" } as const;
    const requirements = { ...previous.requirements, compensation };
    expect(describeChange(message("requirements.updated", 2, { requirements }), previous)).toBe(
      "Updated compensation",
    );
    expect(describeChange(message("onboarding.completed", 2, {}), previous)).toBe("Onboarding complete");
  });
});
