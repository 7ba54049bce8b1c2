import { describe, expect, it } from "vitest";
import { completion, type JobProfile, missingFields, REQUIRED_FIELDS } from "../src/index.js";

const empty: JobProfile = {
  sessionId: "s",
  recruiter: { firstName: "Maya" },
  requirements: {},
  traits: [],
  stages: [],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 0,
};

const trait = {
  id: "t1",
  name: "Distributed Systems",
  description: "Designs resilient services.",
  priority: "must_have" as const,
  signals: [],
};
const stage = (order: number, name: string) => ({
  id: name,
  name,
  description: `${name} round`,
  order,
  actions: [],
});

describe("missingFields / completion", () => {
  it("an empty profile misses every required field", () => {
    expect(missingFields(empty)).toEqual([...REQUIRED_FIELDS]);
    expect(completion(empty)).toBe(0);
  });

  it("the original design's closing summary is complete", () => {
    // "Senior backend role, hybrid in SF, distributed systems focus, 150-180 plus equity,
    //  three-stage interview process" — plus the visa and experience answers given earlier.
    const profile: JobProfile = {
      ...empty,
      requirements: {
        jobTitle: "Senior Backend Engineer",
        workplaceType: "hybrid",
        locationCity: "San Francisco",
        onsiteDaysPerWeek: 3,
        experienceMinYears: 7,
        compensation: { min: 150_000, max: 180_000, currency: "USD", interval: "year" },
        equityOffered: true,
        visaSponsorship: false,
      },
      traits: [trait],
      stages: [stage(1, "Phone Screen"), stage(2, "Technical"), stage(3, "Onsite")],
    };
    expect(missingFields(profile)).toEqual([]);
    expect(completion(profile)).toBe(100);
  });

  it("counts zero years, no sponsorship and no equity as answers (the original treated them as unset)", () => {
    const profile: JobProfile = {
      ...empty,
      requirements: { experienceMinYears: 0, visaSponsorship: false, equityOffered: false },
    };
    expect(missingFields(profile)).toEqual([
      "job_title",
      "location",
      "compensation",
      "traits",
      "interview_stages",
    ]);
    expect(completion(profile)).toBe(37);
  });

  it("needs a city for onsite and hybrid roles but not for remote ones", () => {
    const hybrid = { ...empty, requirements: { workplaceType: "hybrid" as const } };
    const remote = { ...empty, requirements: { workplaceType: "remote" as const } };
    expect(missingFields(hybrid)).toContain("location");
    expect(missingFields(remote)).not.toContain("location");
  });

  it("compensation needs an amount, not just a currency", () => {
    const currencyOnly = {
      ...empty,
      requirements: { compensation: { currency: "EUR", interval: "year" as const } },
    };
    const maxOnly = {
      ...empty,
      requirements: { compensation: { max: 90, currency: "EUR", interval: "hour" as const } },
    };
    expect(missingFields(currencyOnly)).toContain("compensation");
    expect(missingFields(maxOnly)).not.toContain("compensation");
  });

  it("rounds down so 100 only when nothing is missing", () => {
    const sevenOfEight: JobProfile = {
      ...empty,
      requirements: {
        jobTitle: "Engineer",
        workplaceType: "remote",
        experienceMinYears: 3,
        compensation: { min: 1, currency: "USD", interval: "year" },
        visaSponsorship: true,
        equityOffered: true,
      },
      traits: [trait],
    };
    expect(missingFields(sevenOfEight)).toEqual(["interview_stages"]);
    expect(completion(sevenOfEight)).toBe(87);
  });
});
