import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, MAX_MESSAGE_BYTES, ProtocolMessage } from "../src/index.js";
import { anyMessageArb } from "./support/message-arbitraries.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a primitive leaf of a JSON value. */
function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  }
  return [prefix];
}

function setAt(root: Json, path: (string | number)[], next: Json): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = next;
  return copy;
}

/** A value whose JSON type differs from `value`'s: no leaf of the wire format accepts two types. */
function otherType(value: Json, choice: number): Json {
  const candidates: Json[] = [null, true, 42.5, "text", [], { nested: 1 }];
  const differing = candidates.filter(
    (candidate) => typeof candidate !== typeof value || (value === null) !== (candidate === null),
  );
  return differing[choice % differing.length] as Json;
}

function withKey(objectJson: string, key: string): string {
  const entry = `"${key}":{"polluted":true,"constructor":{"prototype":{"polluted":true}}}`;
  return objectJson === "{}" ? `{${entry}}` : `{${entry},${objectJson.slice(1)}`;
}

const neverThrows = (raw: string | Uint8Array) => {
  let result: ReturnType<typeof decodeMessage> | undefined;
  expect(() => {
    result = decodeMessage(raw);
  }).not.toThrow();
  return result as ReturnType<typeof decodeMessage>;
};

const RUNS = 2_000; // × 6 properties: over 10,000 generated inputs

describe("decodeMessage robustness", () => {
  it("rejects random bytes and random strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string({ maxLength: 512 })), (raw) => {
        expect(neverThrows(raw).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("rejects every truncation of a valid message", () => {
    fc.assert(
      fc.property(anyMessageArb, fc.double({ min: 0, max: 1, noNaN: true }), (message, fraction) => {
        const encoded = encodeMessage(message);
        const cut = Math.min(encoded.length - 1, Math.floor(encoded.length * fraction));
        expect(neverThrows(encoded.slice(0, cut)).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("rejects a valid message with any leaf changed to another JSON type", () => {
    fc.assert(
      fc.property(anyMessageArb, fc.nat(), fc.nat(), (message, pathChoice, typeChoice) => {
        const json = JSON.parse(encodeMessage(message)) as Json;
        const paths = leafPaths(json).filter((path) => path[0] !== "v");
        const path = paths[pathChoice % paths.length] as (string | number)[];
        const mutated = setAt(
          json,
          path,
          otherType(
            path.reduce<Json>((node, key) => (node as never)[key], json),
            typeChoice,
          ),
        );
        const result = neverThrows(JSON.stringify(mutated));
        expect(result.ok, `mutated ${path.join(".")}`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("strips __proto__ / constructor keys without polluting prototypes", () => {
    fc.assert(
      fc.property(anyMessageArb, fc.constantFrom("__proto__", "constructor", "prototype"), (message, key) => {
        // JSON.stringify cannot write an own "__proto__" key, so splice it into the text.
        const data = withKey(JSON.stringify(message.data), key);
        const { data: _, ...envelope } = message;
        const hostile = withKey(`${JSON.stringify(envelope).slice(0, -1)},"data":${data}}`, key);
        const result = neverThrows(hostile);
        expect(result).toEqual({ ok: true, message });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.hasOwn(result.ok ? result.message : {}, key)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("survives deep nesting and huge strings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 200_000 }),
        fc.constantFrom("[", '{"a":'),
        (depth, opener) => {
          const raw = opener.repeat(depth);
          expect(neverThrows(raw).ok).toBe(false);
          expect(
            neverThrows(`{"v":"1.0","type":"trait.deleted","data":${opener.repeat(Math.min(depth, 50_000))}`)
              .ok,
          ).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
    const huge = `{"v":"1.0","type":"trait.deleted","data":{"traitId":"${"x".repeat(MAX_MESSAGE_BYTES)}"}}`;
    expect(neverThrows(huge)).toMatchObject({ ok: false, error: { kind: "too_large" } });
    const overField = `{"v":"1.0","sessionId":"s","seq":1,"at":"2026-01-01T00:00:00Z","source":"agent","type":"trait.deleted","data":{"traitId":"${"x".repeat(65)}"}}`;
    expect(neverThrows(overField)).toMatchObject({
      ok: false,
      error: { kind: "invalid_message", path: ["data", "traitId"] },
    });
  });

  it("accepts only what the schema accepts, and returns it unchanged", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyMessageArb.map((message) => encodeMessage(message)),
          fc.json({ maxDepth: 4 }),
        ),
        (raw) => {
          const result = neverThrows(raw);
          if (result.ok) expect(ProtocolMessage.safeParse(result.message).success).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
