import * as z from "zod/mini";
import { PATTERNS } from "./schemas/text.js";

/**
 * The JSON Schema keywords of a string the protocol checks by refinement (`matching`): `pattern`, and
 * `format` where there is one. Undefined for any other schema.
 */
export function patternKeywords(schema: unknown): { pattern: string; format?: string } | undefined {
  const described = PATTERNS.get(schema);
  if (!described) return undefined;
  return described.format
    ? { format: described.format, pattern: described.pattern.source }
    : { pattern: described.pattern.source };
}

type Options = Omit<NonNullable<Parameters<typeof z.toJSONSchema>[1]>, "override">;

/** JSON Schema (draft 2020-12 unless told) of a protocol schema, or of one built from them. */
export function toJsonSchema(schema: z.ZodMiniType, options: Options = {}) {
  return z.toJSONSchema(schema, {
    target: "draft-2020-12",
    ...options,
    // A refinement has no JSON Schema of its own.
    override: ({ zodSchema, jsonSchema }) => Object.assign(jsonSchema, patternKeywords(zodSchema)),
  });
}
