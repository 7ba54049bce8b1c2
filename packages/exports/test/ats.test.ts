import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportProfile, toAshbyJob, toGreenhouseJob, toLeverPosting } from "../src/index.js";
import { emptyProfile, fullProfile, remoteProfile } from "./fixtures.js";

const withPay = (compensation: NonNullable<typeof fullProfile.requirements.compensation>) => ({
  ...fullProfile,
  requirements: { ...fullProfile.requirements, compensation },
});

describe("Lever posting", () => {
  it("has text, categories, workplaceType, a salaryRange with Lever's interval and content lists", () => {
    const posting = toLeverPosting(fullProfile, { team: "Platform", owner: "user-1" });
    expect(posting).toMatchObject({
      text: "Senior Backend Engineer",
      state: "draft",
      workplaceType: "hybrid",
      categories: { location: "Berlin", commitment: "Full-time", team: "Platform" },
      salaryRange: { currency: "EUR", interval: "per-year-salary", min: 90000, max: 120000 },
      owner: "user-1",
      tags: ["Distributed systems"],
    });
    expect(posting.content.lists.map((list) => list.text)).toEqual([
      "What you bring",
      "Nice to have",
      "Interview process",
    ]);
    expect(posting.content.lists[0]?.content).toBe(
      "<li>Distributed systems: Has run queues &lt;at scale&gt; &amp; owned incidents</li>",
    );
    expect(posting.content.description).toContain("Location: Hybrid in Berlin, 3 days a week in the office");
    expect(posting.content.descriptionHtml).not.toContain("Interview process");
  });

  it("maps month and hour pay; an open-ended range is only described", () => {
    const monthly = toLeverPosting(withPay({ min: 5000, max: 6000, currency: "GBP", interval: "month" }));
    expect(monthly.salaryRange?.interval).toBe("per-month-salary");
    const hourly = toLeverPosting(withPay({ min: 40, currency: "USD", interval: "hour" }));
    expect(hourly.salaryRange).toBeUndefined();
    expect(hourly.salaryDescription).toBe("from $40 per hour");
    expect(toLeverPosting(remoteProfile).workplaceType).toBe("remote");
  });

  it("refuses a profile without a title", () => {
    expect(() => toLeverPosting(emptyProfile)).toThrow(
      "cannot export to Lever: missing requirements.jobTitle",
    );
  });
});

describe("Greenhouse job", () => {
  it("creates from the template job and patches a currency_range custom field with an ISO-4217 unit", () => {
    const job = toGreenhouseJob(fullProfile, { templateJobId: 4321, departmentId: 7, officeIds: [11] });
    expect(job.createJob).toEqual({
      template_job_id: 4321,
      number_of_openings: 1,
      job_name: "Senior Backend Engineer",
      job_post_name: "Senior Backend Engineer",
      department_id: 7,
      office_ids: [11],
    });
    expect(job.updateJob.custom_fields).toEqual([
      { name_key: "salary_range", min_value: 90000, max_value: 120000, unit: "EUR" },
    ]);
    expect(job.updateJob.notes).toBe("[selling_point] The team ships to real homes every month");
    expect(job.updateJob.how_to_sell_this_job).toContain("The team ships to real homes every month");
    expect(job.interviewPlan).toEqual([
      {
        name: "Recruiter screen",
        description: "Motivation and logistics",
        durationMinutes: 30,
        interviewerRole: "Recruiter",
        actions: [],
      },
      {
        name: "System design",
        description: "Design a fleet telemetry pipeline",
        durationMinutes: 60,
        actions: ["send brief"],
      },
    ]);
  });

  it("leaves out a range Greenhouse would refuse (min not below max) and uses the vendor's field key", () => {
    const single = toGreenhouseJob(withPay({ min: 100000, max: 100000, currency: "USD", interval: "year" }), {
      templateJobId: 1,
    });
    expect(single.updateJob.custom_fields).toEqual([]);
    const keyed = toGreenhouseJob(fullProfile, { templateJobId: 1, salaryFieldKey: "base_pay" });
    expect(keyed.updateJob.custom_fields[0]?.name_key).toBe("base_pay");
  });

  it("says which vendor-owned id it needs", () => {
    expect(() => toGreenhouseJob(fullProfile)).toThrow(
      /options\.templateJobId \(the id of the Greenhouse job to copy/,
    );
  });
});

describe("Ashby job", () => {
  it("has job.create fields, employment type, and salary and equity compensation components", () => {
    const job = toAshbyJob(fullProfile, {
      teamId: "team-1",
      locationId: "loc-1",
      employmentType: "part_time",
    });
    expect(job.jobCreate).toEqual({
      title: "Senior Backend Engineer",
      teamId: "team-1",
      locationId: "loc-1",
    });
    expect(job.employmentType).toBe("PartTime");
    expect(job.workplaceType).toBe("Hybrid");
    expect(job.compensationTiers).toEqual([
      {
        title: "Senior Backend Engineer",
        components: [
          {
            compensationType: "Salary",
            interval: "1 YEAR",
            currencyCode: "EUR",
            minValue: 90000,
            maxValue: 120000,
          },
          { compensationType: "EquityPercentage", interval: "NONE", minValue: 0.1, maxValue: 0.25 },
        ],
      },
    ]);
    expect(job.interviewStages).toEqual([
      { title: "Recruiter screen", orderInInterviewPlan: 1 },
      { title: "System design", orderInInterviewPlan: 2 },
    ]);
  });

  it("lists both missing ids at once", () => {
    expect(() => toAshbyJob(fullProfile)).toThrow(
      "cannot export to Ashby: missing options.teamId (the Ashby team (department) id the job belongs to); options.locationId (the Ashby location id of the job)",
    );
  });
});

describe("exportProfile", () => {
  it("answers every format with its content type", () => {
    const options = { templateJobId: 1, teamId: "t", locationId: "l", datePosted: "2026-11-30" };
    const types = EXPORT_FORMATS.map((format) => exportProfile(fullProfile, format, options).contentType);
    expect(types).toEqual([
      "application/ld+json",
      "application/json",
      "application/json",
      "application/json",
      "text/markdown",
      "text/html",
    ]);
  });
});
