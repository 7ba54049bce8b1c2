import * as z from "zod/mini";
import { patternKeywords } from "./schemas/text.js";

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
