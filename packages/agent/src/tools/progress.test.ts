import { describe, expect, it } from "vitest";
import { createToolHarness, type ToolHarness } from "./testing/invoke.js";

async function fillEverything(h: ToolHarness) {
  await h.call("update_requirements", {
    location_type: "remote",
    experience_min: 5,
    salary_min: 150_000,
    salary_max: 180_000,
    visa_sponsorship: false,
    equity_offered: true,
  });
  await h.call("create_trait", { name: "Ownership", description: "Drives work to done" });
  await h.call("create_interview_stage", { name: "Phone Screen", description: "Motivation and basics" });
}

describe("progress tools", () => {
  it("mark_field_complete says which tool sets a field that has no value", async () => {
    const h = await createToolHarness();
    await h.refuses(
      "mark_field_complete",
      { field_name: "compensation" },
      /compensation has no value yet; set it first with update_requirements\(salary_min and\/or salary_max\)/,
    );
    await h.refuses(
      "mark_field_complete",
      { field_name: "salary" },
      /field_name: .*"job_title".*"interview_stages"/,
    );
  });

  it("mark_field_complete confirms a filled field once", async () => {
    const h = await createToolHarness();
    expect(await h.call("mark_field_complete", { field_name: "job_title" })).toMatch(
      /^Confirmed job_title\. Still needed: location/,
    );
    expect(await h.call("mark_field_complete", { field_name: "job_title" })).toMatch(
      /^Confirmed job_title \(it already was\)\./,
    );
    expect((await h.service.load(h.sessionId)).confirmedFields).toEqual(["job_title"]);
    expect(h.publisher.messages).toHaveLength(1);
  });

  it("get_profile_status reports completion, missing and confirmed fields, and counts", async () => {
    const h = await createToolHarness();
    await h.call("create_trait", { name: "Ownership", description: "Drives work to done" });
    await h.call("mark_field_complete", { field_name: "traits" });
    expect(await h.call("get_profile_status")).toBe(
      "Profile 25% complete (status in_progress). Missing: location, experience, compensation, visa, equity, interview_stages. Confirmed: traits. 1 traits, 0 interview stages, 0 insights.",
    );
  });

  it("complete_onboarding refuses while fields are missing and says how to fill them", async () => {
    const h = await createToolHarness();
    await h.refuses(
      "complete_onboarding",
      {},
      /Cannot complete yet; still missing: location, experience, compensation, visa, equity, traits, interview_stages\. Fill them: location via update_requirements/,
    );
  });

  it("complete_onboarding completes a filled profile once", async () => {
    const h = await createToolHarness();
    await fillEverything(h);
    expect(await h.call("get_profile_status")).toMatch(/^Profile 100% complete/);
    expect(await h.call("complete_onboarding")).toBe("Onboarding complete. The profile is ready.");
    expect(await h.call("complete_onboarding")).toBe("Onboarding was already complete.");
    const profile = await h.service.load(h.sessionId);
    expect(profile.status).toBe("completed");
    expect(h.publisher.messages.at(-1)?.type).toBe("onboarding.completed");
    expect(h.publisher.messages.filter((message) => message.type === "onboarding.completed")).toHaveLength(1);
  });
});
