import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildJsonSchema } from "../src/json-schema.js";

describe("committed JSON Schema", () => {
  it("matches the zod schemas (run `pnpm --filter @voice-onboarding/protocol schema` after a wire change)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../schema/protocol.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildJsonSchema())));
  });

  it("describes every message type", () => {
    const schema = buildJsonSchema();
    const text = JSON.stringify(schema.$defs.ProtocolMessage);
    for (const type of ["profile.snapshot", "stages.reordered", "onboarding.completed"])
      expect(text).toContain(`"${type}"`);
  });
});
