import type * as z from "zod/mini";

/**
 * Plain-words description of a zod issue. zod/mini ships no locale, and classic zod (loaded by
 * other libraries) would install its own: so only our refinements' messages are kept as given.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "custom":
      return issue.message;
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      return "options" in issue && Array.isArray(issue.options)
        ? `unknown value; expected one of: ${issue.options.join(", ")}`
        : "matches none of the allowed shapes";
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? `must have at least ${issue.minimum} ${issue.origin === "string" ? "character(s)" : "item(s)"}`
        : `must be ${issue.inclusive ? "at least" : "greater than"} ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? `must have at most ${issue.maximum} ${issue.origin === "string" ? "character(s)" : "item(s)"}`
        : `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`;
    case "invalid_format":
      return `expected format ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.code;
  }
}

/** "path.to.field: what is wrong" for the first issue. */
export function formatIssue(issue: z.core.$ZodIssue | undefined): { path: PropertyKey[]; message: string } {
  const path = issue?.path ?? [];
  const where = path.length > 0 ? path.map(String).join(".") : "(root)";
  return { path, message: `${where}: ${issue ? describeIssue(issue) : "invalid"}` };
}
