import * as z from "zod/mini";

/** Trimmed, non-empty, bounded text. Bounds keep a profile (and the prompt built from it) finite. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const textList = (maxItems: number, maxLength = 300) =>
  z.array(text(maxLength)).check(z.maxLength(maxItems));

export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** Refined strings' JSON Schema keywords: a refinement has no JSON Schema of its own. */
const PATTERN_KEYWORDS = new Map<unknown, { pattern: string; format?: string }>();

/**
 * The JSON Schema `pattern` (and `format`, where there is one) of a string the protocol checks by
 * refinement (`matching`); undefined for any other schema.
 */
export const patternKeywords = (schema: unknown) => PATTERN_KEYWORDS.get(schema);

/**
 * A string `pattern` matches (and `test` accepts, where the regex alone says too little). A refinement,
 * not `z.regex`, so the error is in our words and the browser is spared zod's string-format checks.
 */
export function matching(
  pattern: RegExp,
  message: string,
  {
    test = (value: string) => pattern.test(value),
    format,
  }: { test?: (value: string) => boolean; format?: string } = {},
) {
  const schema = z.string().check(z.refine(test, message));
  PATTERN_KEYWORDS.set(schema, format ? { format, pattern: pattern.source } : { pattern: pattern.source });
  return schema;
}

/** `2026-01-31T09:30:00Z` or `…09:30:00.123+02:00`: a calendar date, a time to the second, a zone. */
const ISO_DATE_TIME =
  /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant as `Date.prototype.toISOString()` writes it (any zone offset allowed). Not
 * `z.iso.datetime`: its regex builder costs the browser 0.7 kB gzip.
 */
export const IsoDateTime = matching(
  ISO_DATE_TIME,
  "expected an ISO 8601 date-time with a zone, e.g. 2026-01-31T09:30:00Z",
  {
    format: "date-time",
    test(value) {
      const day = ISO_DATE_TIME.exec(value)?.[1];
      // The regex lets 02-30 through; the calendar does not.
      return day !== undefined && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
    },
  },
);
