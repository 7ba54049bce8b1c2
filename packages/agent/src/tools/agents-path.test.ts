import { llm } from "@livekit/agents";
import {
  NUANCE_CATEGORIES,
  REQUIRED_FIELDS,
  TRAIT_PRIORITIES,
  WORKPLACE_TYPES,
} from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { createToolHarness } from "./testing/invoke.js";

type JsonProperty = { enum?: string[]; anyOf?: { enum?: string[] }[]; description?: string };

function enumOf(schema: unknown, property: string): string[] | undefined {
  const properties = (schema as { properties: Record<string, JsonProperty> }).properties;
  const entry = properties[property];
  return entry?.enum ?? entry?.anyOf?.find((option) => option.enum)?.enum;
}

describe("tools as agents-js sees them", () => {
  it("registers every tool of the original design in a ToolContext", async () => {
    const h = await createToolHarness();
    const context = new llm.ToolContext(h.tools);
    expect(Object.keys(context.functionTools).sort()).toEqual([
      "capture_nuance",
      "complete_onboarding",
      "create_interview_stage",
      "create_trait",
      "delete_interview_stage",
      "delete_trait",
      "get_profile_status",
      "mark_field_complete",
      "reorder_interview_stages",
      "update_company_profile",
      "update_interview_stage",
      "update_requirements",
      "update_trait",
    ]);
  });

  it("derives enums in the JSON schemas from the protocol constants, with descriptions", async () => {
    const { tools } = await createToolHarness();
    const trait = llm.toJsonSchema(tools.create_trait.parameters);
    expect(enumOf(trait, "priority")).toEqual([...TRAIT_PRIORITIES]);
    expect((trait as { properties: Record<string, JsonProperty> }).properties.name?.description).toMatch(
      /Conceptual/,
    );
    expect(enumOf(llm.toJsonSchema(tools.capture_nuance.parameters), "category")).toEqual([
      ...NUANCE_CATEGORIES,
    ]);
    expect(enumOf(llm.toJsonSchema(tools.update_requirements.parameters), "location_type")).toEqual([
      ...WORKPLACE_TYPES,
    ]);
    expect(enumOf(llm.toJsonSchema(tools.mark_field_complete.parameters), "field_name")).toEqual([
      ...REQUIRED_FIELDS,
    ]);
    // A currency is checked by a refinement, which has no JSON Schema: the model still sees its pattern.
    const requirements = JSON.stringify(llm.toJsonSchema(tools.update_requirements.parameters));
    expect(requirements).toMatch(/"salary_currency":\{[^}]*"pattern":"\^\[A-Z\]\{3\}\$"/);
    // Strict (OpenAI structured) schemas turn optional parameters into required nullable ones.
    const strict = llm.toJsonSchema(tools.create_trait.parameters, true, true) as { required: string[] };
    expect(strict.required).toEqual(["name", "description", "priority", "signals"]);
  });

  it("runs through agents-js argument parsing, nulls included", async () => {
    const h = await createToolHarness();
    const context = new llm.ToolContext(h.tools);
    const call = (name: string, args: object) =>
      llm.executeToolCall(
        llm.FunctionCall.create({ callId: `c-${name}`, name, args: JSON.stringify(args) }),
        context,
      );
    const created = await call("create_trait", {
      name: "Ownership",
      description: "Drives work",
      priority: null,
      signals: null,
    });
    expect(created.isError).toBe(false);
    expect(JSON.parse(created.output)).toMatch(/^Created trait Ownership \(must_have\)\./);
    const refused = await call("update_trait", { trait_name: "Grit", new_priority: "must_have" });
    expect(refused.isError).toBe(true);
    expect(refused.output).toMatch(/No trait named "Grit"\. Existing traits: Ownership\./);
    const invalid = await call("create_trait", { name: "X", description: "Y", priority: "urgent" });
    expect(invalid.isError).toBe(true);
    expect((await h.service.load(h.sessionId)).version).toBe(1);
  });
});
