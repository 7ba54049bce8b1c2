import { describe, expect, it } from "vitest";
import { es } from "../src/i18n/es.js";
import { createOnboardingStore } from "../src/store/create-store.js";
import { describeChange } from "../src/store/describe-change.js";
import { baseProfile, message, snapshot, stage } from "./fixtures.js";

/** The store side of Undo: the widget sends the deleted item back (see cards/edit/undo.tsx). */
describe("undoing a delete", () => {
  it("shows the stage back in its place at once, and converges on the agent's two messages", () => {
    const store = createOnboardingStore();
    const onsite = stage("s2", "Onsite", 2);
    const stages = [stage("s1", "Screen", 1), onsite, stage("s3", "Offer", 3)];
    store.getState().receive(snapshot(baseProfile({ stages })));
    const deleted = store.getState().beginEdit({ type: "stage.delete", data: { stageId: "s2" } });
    expect(store.getState().profile?.stages.map((s) => s.id)).toEqual(["s1", "s3"]);
    const restored = store.getState().beginEdit({ type: "stage.add", data: { stage: onsite } });
    expect(store.getState().profile?.stages).toEqual(stages);

    store.getState().settleEdit({ ok: true, commandId: deleted.commandId, seq: 2 });
    store.getState().settleEdit({ ok: true, commandId: restored.commandId, seq: 3 });
    store.getState().receive(message("stage.deleted", 2, { stageId: "s2" }));
    store.getState().receive(message("stage.created", 3, { stage: onsite }));
    expect(store.getState().pendingEdits).toEqual({});
    expect(store.getState().profile?.stages).toEqual(stages);
    expect(store.getState().announcement?.text).toBe("Added interview stage: Onsite");
  });

  it("an undo the agent refuses (the name was taken meanwhile) rolls back to the delete", () => {
    const store = createOnboardingStore();
    const onsite = stage("s2", "Onsite", 2);
    const stages = [stage("s1", "Screen", 1), onsite];
    store.getState().receive(snapshot(baseProfile({ stages })));
    store.getState().receive(message("stage.deleted", 2, { stageId: "s2" }));
    const restored = store.getState().beginEdit({ type: "stage.add", data: { stage: onsite } });
    store.getState().settleEdit({
      ok: false,
      commandId: restored.commandId,
      error: { code: "invalid_command", message: 'another interview stage is already named "Onsite"' },
    });
    expect(store.getState().profile?.stages.map((s) => s.id)).toEqual(["s1"]);
  });

  it("announces a corrected note in the catalogue's language", () => {
    const nuance = { id: "n1", category: "culture_fit" as const, insight: "Async first" };
    const updated = message("nuance.updated", 2, { nuance });
    expect(describeChange(updated, null)).toBe("Updated note: Async first");
    expect(describeChange(updated, null, es)).toBe("Nota actualizada: Async first");
  });
});
