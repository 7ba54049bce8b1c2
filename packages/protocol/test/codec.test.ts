import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from "../src/index.js";
import { messageArb, messageTypes } from "./support/message-arbitraries.js";

describe("encodeMessage / decodeMessage", () => {
  it.each(messageTypes)("round-trips generated %s messages", (type) => {
    fc.assert(
      fc.property(messageArb(type), (message) => {
        const decoded = decodeMessage(encodeMessage(message));
        expect(decoded).toEqual({ ok: true, message });
      }),
      { numRuns: 150 },
    );
  });

  it("round-trips through UTF-8 bytes", () => {
    fc.assert(
      fc.property(messageArb("trait.created"), (message) => {
        const bytes = new TextEncoder().encode(encodeMessage(message));
        expect(decodeMessage(bytes)).toEqual({ ok: true, message });
      }),
      { numRuns: 100 },
    );
  });

  it("refuses to encode an invalid message, naming the path", () => {
    const bad = { v: PROTOCOL_VERSION, sessionId: "s", seq: 1, at: "2026-01-01T00:00:00Z", source: "agent" };
    expect(() =>
      encodeMessage({ ...bad, type: "trait.deleted", data: { traitId: "" } } as Parameters<
        typeof encodeMessage
      >[0]),
    ).toThrow(/data\.traitId: must have at least 1 character/);
  });

  it("reports each error kind", () => {
    const valid = {
      v: PROTOCOL_VERSION,
      sessionId: "s",
      seq: 3,
      at: "2026-01-01T00:00:00Z",
      source: "agent",
      type: "trait.deleted",
      data: { traitId: "t1" },
    };
    expect(decodeMessage("{").ok).toBe(false);
    expect(decodeMessage("{")).toMatchObject({ error: { kind: "invalid_json" } });
    expect(decodeMessage(new Uint8Array([0xff, 0xfe]))).toMatchObject({ error: { kind: "invalid_json" } });
    expect(decodeMessage("x".repeat(MAX_MESSAGE_BYTES + 1))).toMatchObject({
      error: { kind: "too_large", limit: MAX_MESSAGE_BYTES },
    });
    expect(decodeMessage(JSON.stringify({ ...valid, v: "2.3" }))).toMatchObject({
      error: { kind: "unsupported_version", received: "2.3", newer: true },
    });
    expect(decodeMessage(JSON.stringify({ ...valid, v: "0.9" }))).toMatchObject({
      error: { kind: "unsupported_version", newer: false },
    });
    expect(decodeMessage(JSON.stringify({ ...valid, seq: "3" }))).toMatchObject({
      error: { kind: "invalid_message", path: ["seq"] },
    });
    expect(decodeMessage(JSON.stringify({ ...valid, type: "trait.renamed" }))).toMatchObject({
      error: { kind: "invalid_message", path: ["type"], message: expect.stringContaining("trait.deleted") },
    });
  });

  it("accepts a newer minor version and ignores fields it does not know", () => {
    const newer = {
      v: "1.7",
      sessionId: "s",
      seq: 3,
      at: "2026-01-01T00:00:00+02:00",
      source: "recruiter",
      type: "trait.deleted",
      data: { traitId: "t1", reason: "added in 1.7" },
      trace: { id: "abc" },
    };
    const decoded = decodeMessage(JSON.stringify(newer));
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && decoded.message).toEqual({
      v: "1.7",
      sessionId: "s",
      seq: 3,
      at: "2026-01-01T00:00:00+02:00",
      source: "recruiter",
      type: "trait.deleted",
      data: { traitId: "t1" },
    });
  });
});
