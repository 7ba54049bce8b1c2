import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage } from "../src/index.js";
import { buildJsonSchema } from "../src/json-schema.js";
import { IsoDateTime, patternKeywords } from "../src/schemas/text.js";

const accepted = [
  "2026-01-31T09:30:00Z",
  "2026-01-31T09:30:00.123Z",
  "2026-01-31T23:59:59+02:00",
  "2026-01-31T00:00:00-11:30",
  "2024-02-29T12:00:00Z",
];
const refused = [
  "2026-01-31",
  "2026-01-31T09:30Z",
  "2026-01-31T09:30:00",
  "2026-01-31 09:30:00Z",
  "2026-02-30T09:30:00Z",
  "2025-02-29T09:30:00Z",
  "2026-04-31T09:30:00Z",
  "2026-13-01T09:30:00Z",
  "2026-01-31T24:00:00Z",
  "2026-01-31T09:60:00Z",
  "2026-01-31T09:30:00+2:00",
  "+012026-01-31T09:30:00Z",
];

/** Why the decoder refuses a valid `trait.deleted` message with `change` applied. */
function refusalOf(change: Record<string, unknown>): string {
  const message = { v: "1.1", sessionId: "s", seq: 1, at: "2026-01-31T09:30:00Z", source: "agent" };
  const decoded = decodeMessage(
    JSON.stringify({ ...message, type: "trait.deleted", data: { traitId: "t" }, ...change }),
  );
  return decoded.ok ? "accepted" : decoded.error.message;
}

describe("IsoDateTime (a message's `at`)", () => {
  it("takes what Date#toISOString writes, for any instant of years 0000–9999", () => {
    const instants = fc.date({
      min: new Date("0000-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(fc.property(instants, (date) => IsoDateTime.safeParse(date.toISOString()).success));
  });

  it.each(accepted)("accepts %s", (value) => {
    expect(IsoDateTime.safeParse(value).success).toBe(true);
  });

  it.each(refused)("refuses %s", (value) => {
    expect(IsoDateTime.safeParse(value).success).toBe(false);
  });

  it("names the field and the expected form when a message carries a bad one", () => {
    expect(refusalOf({ at: "2026-02-30T09:30:00Z" })).toBe(
      "at: expected an ISO 8601 date-time with a zone, e.g. 2026-01-31T09:30:00Z",
    );
  });

  it("is `format: date-time` with the same pattern in the JSON Schema", () => {
    const text = JSON.stringify(buildJsonSchema());
    expect(text).toContain(
      JSON.stringify({
        type: "string",
        format: "date-time",
        pattern: patternKeywords(IsoDateTime)?.pattern,
      }).slice(1, -1),
    );
    const pattern = new RegExp(patternKeywords(IsoDateTime)?.pattern ?? "");
    for (const value of accepted) expect(pattern.test(value)).toBe(true);
  });
});

describe("a message's protocol version", () => {
  it("is refused in the words of its check", () => {
    expect(refusalOf({ v: "one" })).toBe("v: expected major.minor");
  });
});
