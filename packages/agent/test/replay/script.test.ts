import { describe, expect, it } from "vitest";
import { checkToolNames, parseScript, ScriptError } from "../../src/replay/script.js";

const base = {
  session: { recruiter: { firstName: "Maya" } },
  turns: [{ user: "Hi", assistant: { say: "Hello!" } }],
};

function problem(input: unknown): string {
  try {
    parseScript(input);
  } catch (error) {
    if (error instanceof ScriptError) return error.message;
    throw error;
  }
  throw new Error("expected a ScriptError");
}

describe("parseScript", () => {
  it("fills defaults: no tool calls, empty arguments, empty profile", () => {
    const script = parseScript({
      ...base,
      turns: [{ user: "Status?", assistant: { toolCalls: [{ name: "get_profile_status" }] } }],
    });
    expect(script.session.profile).toEqual({});
    expect(script.turns[0]?.assistant).toEqual({
      toolCalls: [{ name: "get_profile_status", arguments: {} }],
    });
  });

  it("names the path of the first problem", () => {
    expect(problem({ ...base, turns: [] })).toBe("turns: must have at least 1 item(s)");
    expect(problem({ ...base, turns: [...base.turns, { user: "More", assistant: {} }] })).toBe(
      "turns[1].assistant.say: needs toolCalls or say",
    );
    expect(
      problem({ ...base, session: { ...base.session, company: { name: "Acme", fundingStage: "series_z" } } }),
    ).toMatch(/^session\.company\.fundingStage: expected one of: "pre_seed"/);
    expect(
      problem({
        ...base,
        turns: [{ user: "Hi", assistant: { toolCalls: [{ name: "update requirements", arguments: {} }] } }],
      }),
    ).toMatch(/^turns\[0\]\.assistant\.toolCalls\[0\]\.name: expected a tool name/);
    expect(problem([])).toBe("(root): expected object");
  });

  it("rejects tool names the agent does not offer", () => {
    const script = parseScript({
      ...base,
      turns: [
        { user: "Hi", assistant: { toolCalls: [{ name: "create_trait" }, { name: "launch_rocket" }] } },
      ],
    });
    expect(() => checkToolNames(script, new Set(["create_trait"]))).toThrow(
      'turns[0].assistant.toolCalls[1].name: unknown tool "launch_rocket"; the agent offers: create_trait',
    );
  });
});
