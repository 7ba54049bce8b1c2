import { describe, expect, it } from "vitest";
import {
  applyChange,
  applyMessage,
  decodeMessage,
  type EditCommand,
  type JobProfile,
  normalizeRequirements,
  PROTOCOL_VERSION,
  planEdit,
  Requirements,
} from "../src/index.js";

const base: JobProfile = {
  sessionId: "s1",
  recruiter: { firstName: "Dana" },
  requirements: { workplaceType: "hybrid", locationCity: "Berlin", onsiteDaysPerWeek: 3 },
  traits: [
    { id: "t1", name: "Ownership", description: "d", priority: "must_have", signals: [] },
    { id: "t2", name: "Rust", description: "d", priority: "nice_to_have", signals: [] },
  ],
  stages: [{ id: "s-1", name: "Screen", description: "d", order: 1, actions: [] }],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 3,
};

const edit = (type: EditCommand["type"], data: unknown) =>
  ({ v: PROTOCOL_VERSION, sessionId: "s1", commandId: "c1", type, data }) as EditCommand;

describe("requirements invariants", () => {
  it("refuses contradictions on every path: the schema says which field", () => {
    const cases: [unknown, RegExp][] = [
      [{ workplaceType: "remote", locationCity: "Berlin" }, /remote role has no city/],
      [{ workplaceType: "onsite", onsiteDaysPerWeek: 3 }, /hybrid roles only/],
      [{ onsiteDaysPerWeek: 3 }, /hybrid roles only/],
      [{ workplaceType: "hybrid", onsiteDaysPerWeek: 0 }, /./],
      [{ workplaceType: "hybrid", onsiteDaysPerWeek: 8 }, /./],
      [{ equityOffered: false, equityRange: "0.1%" }, /equity range needs equity offered/],
      [{ experienceMinYears: 5, experienceMaxYears: 2 }, /must not exceed/],
      [{ compensation: { min: 200, max: 100, currency: "USD", interval: "year" } }, /must not exceed/],
    ];
    for (const [requirements, why] of cases) {
      const parsed = Requirements.safeParse(requirements);
      expect(parsed.success, JSON.stringify(requirements)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(why);
    }
  });

  it("normalizes what a switch implies away: remote drops city and days, no equity drops the range", () => {
    expect(
      normalizeRequirements({
        ...base.requirements,
        workplaceType: "remote",
        equityOffered: false,
        equityRange: "1%",
      }),
    ).toEqual({ workplaceType: "remote", equityOffered: false });
    expect(normalizeRequirements({ ...base.requirements, workplaceType: "onsite" })).toEqual({
      workplaceType: "onsite",
      locationCity: "Berlin",
    });
  });

  it("a hand edit switching to remote clears the city and onsite days", () => {
    const plan = planEdit(base, edit("requirements.update", { requirements: { workplaceType: "remote" } }));
    expect(plan).toEqual({
      ok: true,
      change: { type: "requirements.updated", data: { requirements: { workplaceType: "remote" } } },
    });
  });
});

describe("names unique per profile, ignoring case and spacing", () => {
  it("refuses a rename onto another trait's name in the edit plan", () => {
    const plan = planEdit(base, edit("trait.update", { traitId: "t2", name: "  ownership " }));
    expect(plan).toMatchObject({ ok: false, code: "invalid_command", message: /already named "Ownership"/ });
    // Renaming an item to its own name (another case) is fine.
    expect(planEdit(base, edit("trait.update", { traitId: "t1", name: "OWNERSHIP" })).ok).toBe(true);
  });

  it("the reducer refuses a created or updated trait or stage whose name is taken", () => {
    const clash = applyChange(base, {
      type: "trait.created",
      data: { trait: { id: "t3", name: "RUST", description: "d", priority: "must_have", signals: [] } },
    });
    expect(clash).toMatch(/already named "Rust"/);
    const stage = applyChange(base, {
      type: "stage.created",
      data: { stage: { id: "s-2", name: "screen", description: "d", order: 2, actions: [] } },
    });
    expect(stage).toMatch(/already named "Screen"/);
    const message = {
      v: PROTOCOL_VERSION,
      sessionId: "s1",
      seq: 4,
      at: new Date(0).toISOString(),
      source: "agent" as const,
      type: "trait.updated" as const,
      data: { trait: { ...base.traits[1], name: "ownership" } },
    };
    expect(applyMessage(base, message as never)).toMatchObject({ status: "rejected" });
  });
});

describe("one edit semantics: plan + applyChange is what the reducer does with the agent's message", () => {
  it("gives the same profile for each kind of edit", () => {
    const edits: EditCommand[] = [
      edit("requirements.update", { requirements: { locationCity: null, workplaceType: "remote" } }),
      edit("trait.update", { traitId: "t1", description: "owns outcomes", signals: ["shipped"] }),
      edit("trait.delete", { traitId: "t2" }),
      edit("stage.update", { stageId: "s-1", durationMinutes: 30, interviewerRole: "EM" }),
      edit("stage.delete", { stageId: "s-1" }),
    ];
    for (const command of edits) {
      const plan = planEdit(base, command);
      if (!plan.ok || plan.change === null) throw new Error(`expected a change for ${command.type}`);
      const previewed = applyChange(base, plan.change);
      const folded = applyMessage(base, {
        v: PROTOCOL_VERSION,
        sessionId: "s1",
        seq: 4,
        at: new Date(0).toISOString(),
        source: "recruiter",
        ...plan.change,
      } as never);
      expect(folded.status).toBe("applied");
      expect({ ...(previewed as JobProfile), version: 4 }).toEqual(folded.profile);
    }
  });

  it("refuses a missing item as not_found and a partial reorder as invalid", () => {
    expect(planEdit(base, edit("trait.delete", { traitId: "gone" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(planEdit(base, edit("stages.reorder", { stageIds: [] }))).toMatchObject({
      ok: false,
      code: "invalid_command",
    });
  });
});

describe("a newer minor's unknown message type", () => {
  const raw = (v: string, type: string) =>
    JSON.stringify({
      v,
      sessionId: "s1",
      seq: 4,
      at: new Date(0).toISOString(),
      source: "agent",
      type,
      data: {},
    });

  it("is unknown_type (ignore and warn), not invalid, when the minor is newer", () => {
    const decoded = decodeMessage(raw("1.7", "poll.created"));
    expect(decoded).toMatchObject({ ok: false, error: { kind: "unknown_type", type: "poll.created" } });
  });

  it("stays invalid from this very minor, and a newer major stays unsupported", () => {
    expect(decodeMessage(raw(PROTOCOL_VERSION, "poll.created"))).toMatchObject({
      ok: false,
      error: { kind: "invalid_message" },
    });
    expect(decodeMessage(raw("2.0", "poll.created"))).toMatchObject({
      ok: false,
      error: { kind: "unsupported_version" },
    });
    // A known type with a broken payload is invalid whatever the minor.
    expect(decodeMessage(raw("1.7", "trait.created"))).toMatchObject({
      ok: false,
      error: { kind: "invalid_message" },
    });
  });
});
