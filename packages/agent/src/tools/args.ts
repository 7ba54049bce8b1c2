import { llm } from "@livekit/agents";
import { formatIssue, patternKeywords } from "@voice-onboarding/protocol";
import { z } from "zod";

/**
 * A copy of `schema` (protocol schemas are shared) carrying a description for the model, and the
 * pattern of a string the protocol checks by refinement (its JSON Schema would not show it).
 */
export function described<Schema extends z.core.$ZodType>(schema: Schema, description: string): Schema {
  const copy = z.core.clone(schema);
  z.globalRegistry.add(copy, { description, ...patternKeywords(schema) });
  return copy;
}

/** Optional parameter; strict OpenAI-style tool schemas send `null` for "not given", so accept both. */
export function optional<Schema extends z.core.$ZodType>(schema: Schema, description: string) {
  return z.optional(z.nullable(described(schema, description)));
}

export function given<Value>(value: Value | null | undefined): value is Value {
  return value !== null && value !== undefined;
}

/**
 * Validates arguments again inside `execute`: agents-js parses them first in a live session, but
 * direct callers (replay, tests) must get the same clear `ToolError` instead of a bad write.
 */
export function parseArgs<Schema extends z.core.$ZodType>(schema: Schema, args: unknown): z.output<Schema> {
  const parsed = z.safeParse(schema, args);
  if (parsed.success) return parsed.data;
  throw new llm.ToolError(`Invalid argument ${formatIssue(parsed.error.issues[0]).message}`);
}
