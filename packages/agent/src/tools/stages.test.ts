import { describe, expect, it } from "vitest";
import { createToolHarness, type ToolHarness } from "./testing/invoke.js";

async function stageNames(h: ToolHarness) {
  return (await h.service.load(h.sessionId)).stages.map((stage) => `${stage.order}. ${stage.name}`);
}

async function withStages(...names: string[]) {
  const h = await createToolHarness();
  for (const name of names) await h.call("create_interview_stage", { name, description: `${name} stage` });
  return h;
}

describe("interview stage tools", () => {
  it("appends stages with contiguous orders and inserts at a position", async () => {
    const h = await withStages("Phone Screen", "Onsite");
    const result = await h.call("create_interview_stage", {
      name: "Technical",
      description: "System design",
      duration_minutes: 60,
      interviewer_role: "Staff Engineer",
      actions: ["Send the take-home"],
      position: 2,
    });
    expect(result).toMatch(
      /^Created interview stage Technical at position 2\. Stages: 1\. Phone Screen, 2\. Technical, 3\. Onsite\./,
    );
    expect(await stageNames(h)).toEqual(["1. Phone Screen", "2. Technical", "3. Onsite"]);
    expect((await h.service.load(h.sessionId)).stages[1]).toMatchObject({
      durationMinutes: 60,
      interviewerRole: "Staff Engineer",
      actions: ["Send the take-home"],
    });
  });

  it("updates and moves an existing stage of the same name instead of duplicating", async () => {
    const h = await withStages("Phone Screen", "Onsite");
    await h.call("create_interview_stage", {
      name: "onsite",
      description: "Final loop",
      position: 1,
      actions: ["Book room"],
    });
    expect(await stageNames(h)).toEqual(["1. Onsite", "2. Phone Screen"]);
    expect((await h.service.load(h.sessionId)).stages[0]?.description).toBe("Final loop");
  });

  it("refuses an out-of-range position, a zero duration and an empty description", async () => {
    const h = await withStages("Phone Screen");
    await h.refuses(
      "create_interview_stage",
      { name: "Tech", description: "x", position: 3 },
      /position 3 is out of range; use 1 to 2/,
    );
    await h.refuses(
      "create_interview_stage",
      { name: "Tech", description: "x", duration_minutes: 0 },
      /duration_minutes: must be at least 1/,
    );
    await h.refuses("create_interview_stage", { name: "Tech", description: "" }, /description: /);
  });

  it("update_interview_stage applies a duration (0 is refused, not ignored) and adds actions", async () => {
    const h = await withStages("Phone Screen");
    expect(
      await h.call("update_interview_stage", {
        stage_name: "phone screen",
        new_duration: 30,
        add_actions: ["Call"],
      }),
    ).toBe("Updated interview stage Phone Screen (30 minutes, 1 actions).");
    await h.refuses(
      "update_interview_stage",
      { stage_name: "Phone Screen", new_duration: 0 },
      /new_duration: must be at least 1/,
    );
    await h.refuses(
      "update_interview_stage",
      { stage_name: "Panel", new_duration: 30 },
      /Existing interview stages: Phone Screen\./,
    );
    await h.refuses("update_interview_stage", { stage_name: "Phone Screen" }, /Nothing to update/);
  });

  it("delete_interview_stage renumbers the rest", async () => {
    const h = await withStages("A", "B", "C");
    expect(await h.call("delete_interview_stage", { stage_name: "b" })).toBe(
      "Deleted interview stage B. Stages now: 1. A, 2. C. Still needed: location, experience, compensation, visa, equity, traits.",
    );
    await h.refuses(
      "delete_interview_stage",
      { stage_name: "Z" },
      /No interview stage named "Z"\. Existing interview stages: A, C\./,
    );
  });

  it("reorder_interview_stages needs every stage exactly once", async () => {
    const h = await withStages("A", "B", "C");
    expect(await h.call("reorder_interview_stages", { stage_names: ["c", "A", "b"] })).toBe(
      "Reordered interview stages: 1. C, 2. A, 3. B.",
    );
    await h.refuses("reorder_interview_stages", { stage_names: ["A", "B"] }, /missing: C\./);
    await h.refuses("reorder_interview_stages", { stage_names: ["A", "a", "B", "C"] }, /A is listed twice/);
    await h.refuses(
      "reorder_interview_stages",
      { stage_names: ["A", "B", "X"] },
      /No interview stage named "X"/,
    );
  });
});
