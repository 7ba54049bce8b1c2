import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JobProfile, repairProfile } from "../src/index.js";
import { profileArb } from "./support/domain-arbitraries.js";

/** A profile as an older release could have stored it, before today's invariants. */
const old = {
  sessionId: "s1",
  recruiter: { firstName: "Dana" },
  requirements: {
    workplaceType: "remote",
    locationCity: "Berlin",
    onsiteDaysPerWeek: 3,
    experienceMinYears: 10,
    experienceMaxYears: 4,
    compensation: { min: 200_000, max: 150_000, currency: "EUR", interval: "year" },
    equityOffered: false,
    equityRange: "0.1%",
  },
  traits: [
    { id: "t1", name: "Ownership", description: "d", priority: "must_have", signals: [] },
    { id: "t2", name: "ownership ", description: "d", priority: "nice_to_have", signals: [] },
  ],
  stages: [
    { id: "s2", name: "Onsite", description: "d", order: 5, actions: [] },
    { id: "s1", name: "Screen", description: "d", order: 2, actions: [] },
  ],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 7,
} as unknown as JobProfile;

describe("repairProfile", () => {
  it("brings a profile stored under older rules in line with today's, dropping no item", () => {
    expect(JobProfile.safeParse(old).success).toBe(false);
    const { profile, repairs } = repairProfile(old);
    expect(JobProfile.safeParse(profile).success).toBe(true);
    expect(profile.requirements).toEqual({
      workplaceType: "remote",
      experienceMinYears: 4,
      experienceMaxYears: 10,
      compensation: { min: 150_000, max: 200_000, currency: "EUR", interval: "year" },
      equityOffered: false,
    });
    expect(profile.traits.map((trait) => trait.name)).toEqual(["Ownership", "ownership (2)"]);
    expect(profile.stages.map((stage) => [stage.name, stage.order])).toEqual([
      ["Screen", 1],
      ["Onsite", 2],
    ]);
    expect(profile.version).toBe(7);
    expect(repairs).toEqual([
      "requirements.locationCity dropped",
      "requirements.onsiteDaysPerWeek dropped",
      "requirements.equityRange dropped",
      "experience minimum and maximum swapped",
      "compensation minimum and maximum swapped",
      'trait "ownership " renamed "ownership (2)"',
      "stages renumbered 1..n",
    ]);
  });

  it("leaves a profile that meets today's rules as it is (the same object)", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const names = profile.traits.map((trait) => trait.name.trim().toLowerCase());
        fc.pre(new Set(names).size === names.length);
        const stageNames = profile.stages.map((stage) => stage.name.trim().toLowerCase());
        fc.pre(new Set(stageNames).size === stageNames.length);
        const repaired = repairProfile(profile);
        expect(repaired.repairs).toEqual([]);
        expect(repaired.profile).toBe(profile);
      }),
      { numRuns: 200 },
    );
  });
});
