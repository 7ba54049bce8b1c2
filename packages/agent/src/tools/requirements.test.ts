import { describe, expect, it } from "vitest";
import { createToolHarness } from "./testing/invoke.js";

const NO_ARGS = Object.fromEntries(
  [
    "job_title",
    "location_type",
    "location_city",
    "onsite_days",
    "visa_sponsorship",
    "experience_min",
    "experience_max",
    "salary_min",
    "salary_max",
    "salary_currency",
    "pay_interval",
    "equity_offered",
    "equity_range",
  ].map((name) => [name, null]),
);

describe("update_requirements", () => {
  it("merges what is given, treats null as not given, and says what is still needed", async () => {
    const h = await createToolHarness();
    const result = await h.call("update_requirements", {
      ...NO_ARGS,
      location_type: "hybrid",
      location_city: "Berlin",
      onsite_days: 2,
      experience_min: 0,
    });
    expect(result).toBe(
      "Updated requirements: location_type, location_city, onsite_days, experience_min. Still needed: compensation, visa, equity, traits, interview_stages.",
    );
    const { requirements } = await h.service.load(h.sessionId);
    expect(requirements).toEqual({
      jobTitle: "Senior Backend Engineer",
      workplaceType: "hybrid",
      locationCity: "Berlin",
      onsiteDaysPerWeek: 2,
      experienceMinYears: 0,
    });
    expect(h.publisher.messages.map((message) => message.type)).toEqual(["requirements.updated"]);
  });

  it("defaults compensation to USD per year, keeps the stored currency, and accepts a max alone", async () => {
    const h = await createToolHarness();
    await h.call("update_requirements", { salary_max: 180_000 });
    expect((await h.service.load(h.sessionId)).requirements.compensation).toEqual({
      max: 180_000,
      currency: "USD",
      interval: "year",
    });
    await h.call("update_requirements", {
      salary_min: 90,
      salary_max: 120,
      salary_currency: "EUR",
      pay_interval: "hour",
    });
    await h.call("update_requirements", { salary_min: 100 });
    expect((await h.service.load(h.sessionId)).requirements.compensation).toEqual({
      min: 100,
      max: 120,
      currency: "EUR",
      interval: "hour",
    });
  });

  it("refuses min above max, also against the stored value, writing nothing", async () => {
    const h = await createToolHarness();
    await h.refuses(
      "update_requirements",
      { experience_min: 9, experience_max: 3 },
      /experience_min 9 is above experience_max 3;/,
    );
    await h.call("update_requirements", { salary_max: 150_000, experience_max: 5 });
    await h.refuses(
      "update_requirements",
      { salary_min: 200_000 },
      /salary_min 200000 is above salary_max 150000 \(already stored\)/,
    );
    await h.refuses(
      "update_requirements",
      { experience_min: 6 },
      /experience_min 6 is above experience_max 5 \(already stored\)/,
    );
  });

  it("refuses bad values with what is valid", async () => {
    const h = await createToolHarness();
    await h.refuses("update_requirements", { salary_min: -5 }, /salary_min: must be at least 0/);
    await h.refuses(
      "update_requirements",
      { location_type: "moon" },
      /location_type: .*"onsite".*"hybrid".*"remote"/,
    );
    await h.refuses(
      "update_requirements",
      { salary_currency: "dollars" },
      /salary_currency: expected an ISO 4217 code/,
    );
    await h.refuses("update_requirements", { onsite_days: 9 }, /onsite_days: must be at most 7/);
    await h.refuses("update_requirements", NO_ARGS, /Nothing to update: give at least one of job_title/);
    await h.refuses("update_requirements", { pay_interval: "month" }, /need salary_min or salary_max/);
    await h.refuses(
      "update_requirements",
      { location_type: "remote", onsite_days: 2 },
      /remote role has no onsite days/,
    );
  });

  it("keeps equity consistent: a range implies equity, no equity clears the range", async () => {
    const h = await createToolHarness();
    await h.call("update_requirements", { equity_range: "0.1-0.25%" });
    expect((await h.service.load(h.sessionId)).requirements).toMatchObject({
      equityOffered: true,
      equityRange: "0.1-0.25%",
    });
    await h.refuses(
      "update_requirements",
      { equity_offered: false, equity_range: "1%" },
      /send one or the other/,
    );
    await h.call("update_requirements", { equity_offered: false });
    const { requirements } = await h.service.load(h.sessionId);
    expect(requirements.equityOffered).toBe(false);
    expect("equityRange" in requirements).toBe(false);
  });
});

describe("update_company_profile", () => {
  it("sets a field, validating enum values and lengths", async () => {
    const h = await createToolHarness();
    expect(await h.call("update_company_profile", { field: "team_size", value: "45" })).toBe(
      "Updated company team_size for Acme Robotics.",
    );
    await h.call("update_company_profile", { field: "funding_stage", value: "series_b" });
    expect((await h.service.load(h.sessionId)).company).toMatchObject({
      teamSize: "45",
      fundingStage: "series_b",
    });
    await h.refuses(
      "update_company_profile",
      { field: "funding_stage", value: "series z" },
      /funding_stage: .*"seed".*"series_a"/,
    );
    await h.refuses(
      "update_company_profile",
      { field: "ceo", value: "Ann" },
      /field: .*"tagline".*"headquarters"/,
    );
    await h.refuses(
      "update_company_profile",
      { field: "tagline", value: "x".repeat(301) },
      /tagline: must have at most 300 character/,
    );
  });

  it("needs a company name before other fields when no research exists", async () => {
    const h = await createToolHarness({ session: { sessionId: "s-bare", recruiter: { firstName: "Lee" } } });
    await h.refuses("update_company_profile", { field: "tagline", value: "We ship" }, /set field name first/);
    await h.call("update_company_profile", { field: "name", value: "Bare Inc" });
    await h.call("update_company_profile", { field: "tagline", value: "We ship" });
    expect((await h.service.load(h.sessionId)).company).toEqual({ name: "Bare Inc", tagline: "We ship" });
  });
});
