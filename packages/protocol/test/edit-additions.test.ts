import { describe, expect, it } from "vitest";
import {
  applyChange,
  applyMessage,
  type EditCommand,
  type JobProfile,
  MAX_STAGES,
  MAX_TRAITS,
  PROTOCOL_VERSION,
  planEdit,
} from "../src/index.js";

/** planEdit for the edits of protocol 1.1: adding items, the company card, a note's text. */
const base: JobProfile = {
  sessionId: "s1",
  recruiter: { firstName: "Dana" },
  company: { name: "Acme", tagline: "Rockets", investors: ["a16z"] },
  requirements: {},
  traits: [{ id: "t1", name: "Ownership", description: "d", priority: "must_have", signals: [] }],
  stages: [
    { id: "s-1", name: "Screen", description: "d", order: 1, actions: [] },
    { id: "s-2", name: "Onsite", description: "d", order: 2, actions: [] },
  ],
  nuances: [{ id: "n1", category: "red_flag", insight: "Avoid job hoppers", verbatimQuote: "no hoppers" }],
  confirmedFields: [],
  status: "in_progress",
  version: 3,
};

const edit = (type: EditCommand["type"], data: unknown) =>
  ({ v: PROTOCOL_VERSION, sessionId: "s1", commandId: "c1", type, data }) as EditCommand;

const trait = (id: string, name: string) => ({
  id,
  name,
  description: "d",
  priority: "must_have",
  signals: [],
});
const stage = (id: string, name: string, order: number) => ({
  id,
  name,
  description: "d",
  order,
  actions: [],
});

/** The profile the plan leads to, checked against the reducer folding the agent's message. */
function planned(profile: JobProfile, command: EditCommand): JobProfile {
  const plan = planEdit(profile, command);
  if (!plan.ok || plan.change === null) throw new Error(`expected a change, got ${JSON.stringify(plan)}`);
  const previewed = applyChange(profile, plan.change);
  const folded = applyMessage(profile, {
    v: PROTOCOL_VERSION,
    sessionId: "s1",
    seq: profile.version + 1,
    at: new Date(0).toISOString(),
    source: "recruiter",
    ...plan.change,
  } as never);
  expect(folded.status).toBe("applied");
  expect({ ...(previewed as JobProfile), version: profile.version + 1 }).toEqual(folded.profile);
  return folded.profile as JobProfile;
}

describe("trait.add", () => {
  it("adds the trait with the id the widget chose", () => {
    const next = planned(base, edit("trait.add", { trait: trait("t2", "Rust") }));
    expect(next.traits.map((t) => t.id)).toEqual(["t1", "t2"]);
  });

  it("refuses a taken name (any case or spacing), a taken id, and a full list", () => {
    expect(planEdit(base, edit("trait.add", { trait: trait("t2", " ownership ") }))).toMatchObject({
      ok: false,
      code: "invalid_command",
      message: /already named "Ownership"/,
    });
    expect(planEdit(base, edit("trait.add", { trait: trait("t1", "Rust") }))).toMatchObject({
      ok: false,
      message: /trait t1 already exists/,
    });
    const full = { ...base, traits: Array.from({ length: MAX_TRAITS }, (_, i) => trait(`t${i}`, `T${i}`)) };
    expect(planEdit(full as JobProfile, edit("trait.add", { trait: trait("new", "New") }))).toMatchObject({
      ok: false,
      message: `a profile holds at most ${MAX_TRAITS} traits; delete one before adding another`,
    });
  });

  it("restores a deleted trait: delete then add with the same content gives the profile back", () => {
    const deleted = planned(base, edit("trait.delete", { traitId: "t1" }));
    const restored = planned(deleted, edit("trait.add", { trait: base.traits[0] }));
    expect(restored.traits).toEqual(base.traits);
  });
});

describe("stage.add", () => {
  it("inserts at its order and renumbers the rest; past the end appends", () => {
    const inserted = planned(base, edit("stage.add", { stage: stage("s-3", "Take-home", 2) }));
    expect(inserted.stages.map((s) => [s.id, s.order])).toEqual([
      ["s-1", 1],
      ["s-3", 2],
      ["s-2", 3],
    ]);
    const appended = planned(base, edit("stage.add", { stage: stage("s-3", "Take-home", 9) }));
    expect(appended.stages.map((s) => [s.id, s.order])).toEqual([
      ["s-1", 1],
      ["s-2", 2],
      ["s-3", 3],
    ]);
  });

  it("restores a deleted stage in its place", () => {
    const deleted = planned(base, edit("stage.delete", { stageId: "s-1" }));
    expect(planned(deleted, edit("stage.add", { stage: base.stages[0] })).stages).toEqual(base.stages);
  });

  it("refuses a taken name, a taken id and a full process", () => {
    expect(planEdit(base, edit("stage.add", { stage: stage("s-3", "SCREEN", 3) }))).toMatchObject({
      ok: false,
      message: /another interview stage is already named "Screen"/,
    });
    expect(planEdit(base, edit("stage.add", { stage: stage("s-2", "Other", 3) }))).toMatchObject({
      ok: false,
      message: /interview stage s-2 already exists/,
    });
    const full = {
      ...base,
      stages: Array.from({ length: MAX_STAGES }, (_, i) => stage(`s${i}`, `S${i}`, i + 1)),
    };
    expect(planEdit(full, edit("stage.add", { stage: stage("new", "New", 1) }))).toMatchObject({
      ok: false,
      message: /at most 20 interview stages/,
    });
  });
});

describe("company.update", () => {
  it("patches the card: null clears a field, an absent field stays", () => {
    const next = planned(
      base,
      edit("company.update", { company: { tagline: null, headquarters: "Berlin", investors: [] } }),
    );
    expect(next.company).toEqual({ name: "Acme", headquarters: "Berlin", investors: [] });
  });

  it("starts a card only with a name", () => {
    const without = { ...base, company: undefined };
    expect(planEdit(without, edit("company.update", { company: { tagline: "x" } }))).toMatchObject({
      ok: false,
      code: "invalid_command",
      message: /needs a name/,
    });
    expect(planned(without, edit("company.update", { company: { name: "Initech" } })).company).toEqual({
      name: "Initech",
    });
  });
});

describe("nuances", () => {
  it("nuance.update corrects the text, clears the quote, keeps the id", () => {
    const next = planned(
      base,
      edit("nuance.update", { nuanceId: "n1", insight: "Prefers long tenures", verbatimQuote: null }),
    );
    expect(next.nuances).toEqual([{ id: "n1", category: "red_flag", insight: "Prefers long tenures" }]);
  });

  it("nuance.update refuses an unknown note as not_found", () => {
    expect(planEdit(base, edit("nuance.update", { nuanceId: "gone", insight: "x" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("nuance.add restores a deleted note and refuses a taken id", () => {
    const deleted = planned(base, edit("nuance.delete", { nuanceId: "n1" }));
    expect(planned(deleted, edit("nuance.add", { nuance: base.nuances[0] })).nuances).toEqual(base.nuances);
    expect(planEdit(base, edit("nuance.add", { nuance: base.nuances[0] }))).toMatchObject({
      ok: false,
      message: /nuance n1 already exists/,
    });
  });

  it("the reducer refuses an update of a note that is gone", () => {
    expect(
      applyChange(base, {
        type: "nuance.updated",
        data: { nuance: { id: "gone", category: "culture_fit", insight: "x" } },
      }),
    ).toBe("nuance gone does not exist");
  });
});
