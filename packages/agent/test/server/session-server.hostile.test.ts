/**
 * Generated hostile requests to the real session service (node:http on loopback, in process):
 * bodies that are not JSON, JSON of every shape, a valid session body with any part replaced,
 * extra fields (a room, an identity, grants), prototype keys, wrong content types, odd paths.
 * Each gets a JSON error naming the problem, never a 5xx; nothing is stored unless the service
 * answered 201; the server keeps answering.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";
import { replaceSomewhere } from "../../src/testing/hostile-json.js";
import { startService } from "./service-harness.js";

const API_KEY = "vo_test_key_0123456789";

/** An embedded PGlite store (the tenant-scoped routes need the database), counting the sessions created in it. */
let store: PgliteStore;
let writes = 0;
let running: Awaited<ReturnType<typeof startService>>;
let base: string;
let sessionId: string;

beforeAll(async () => {
  store = await createPgliteStore();
  const create = store.create.bind(store);
  store.create = async (...args: Parameters<typeof create>) => {
    writes += 1;
    return create(...args);
  };
  running = await startService(store, { apiKey: API_KEY });
  base = running.base;
  sessionId = (await running.service.createSession({ recruiter: { firstName: "Maya" } })).sessionId;
  writes = 0;
});

afterAll(async () => {
  await running.close();
  await store.close();
});

const validBody = {
  recruiter: { firstName: "Maya", lastName: "Chen" },
  company: { name: "Acme", fundingStage: "series_a", competitors: ["FoldCo"] },
  profile: {
    requirements: { jobTitle: "Backend Engineer", compensation: { min: 150000, max: 180000 } },
    traits: [{ name: "Distributed Systems", description: "Has run services at scale." }],
    stages: [{ name: "Phone Screen", description: "Basics" }],
  },
};

const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
  fc
    .record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      next: fc.oneof(fc.jsonValue(), fc.constantFrom("", " ", "x".repeat(20_000), -1, 1e308, "€")),
    })
    .map(({ path, next }) => JSON.stringify(replaceSomewhere(validBody, path, next))),
  fc
    .record({
      key: fc.constantFrom("sessionId", "room", "identity", "grants", "video", "attributes", "roomConfig"),
      value: fc.jsonValue(),
    })
    .map(({ key, value }) => JSON.stringify({ ...validBody, [key]: value ?? null })),
  fc.constant(`{"__proto__":{"polluted":true},${JSON.stringify(validBody).slice(1)}`),
  fc.string({ maxLength: 200 }),
);

const hostileRequest = fc.oneof(
  fc.record({
    method: fc.constant("POST"),
    path: fc.constant("/v1/sessions"),
    body: fc.oneof(hostileJson, fc.uint8Array({ maxLength: 300 })),
    contentType: fc.constantFrom(
      "application/json",
      "application/json",
      "text/plain",
      "",
      "application/x-www-form-urlencoded",
    ),
  }),
  fc.record({
    method: fc.constant("POST"),
    path: fc.oneof(
      fc.constant("/v1/sessions/SESSION/token"),
      fc.string({ maxLength: 80 }).map((id) => `/v1/sessions/${encodeURIComponent(id)}/token`),
    ),
    body: hostileJson,
    contentType: fc.constant("application/json"),
  }),
  fc.record({
    method: fc.constantFrom("GET", "PUT", "DELETE", "PATCH"),
    path: fc.oneof(
      fc.string({ maxLength: 80 }).map((id) => `/v1/sessions/${encodeURIComponent(id)}`),
      fc.webPath(),
    ),
    body: fc.constant(undefined),
    contentType: fc.constant("application/json"),
  }),
);

describe("session service under hostile requests", () => {
  it("answers every generated request with a JSON error or a success, and stores only what it accepted", async () => {
    let accepted = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ method, path, body, contentType }) => {
        const writesBefore = writes;
        const response = await fetch(`${base}${path.replace("SESSION", sessionId)}`, {
          method,
          headers: { authorization: `Bearer ${API_KEY}`, "content-type": contentType },
          body,
        });
        const json = (await response.json()) as { error?: { code: unknown; message: unknown } };
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(typeof json.error?.code).toBe("string");
          expect(String(json.error?.message).length).toBeGreaterThan(0);
          expect(writes).toBe(writesBefore);
        } else if (path === "/v1/sessions") {
          accepted += 1;
          expect(response.status).toBe(201);
          expect(writes).toBe(writesBefore + 1);
        } else expect(writes).toBe(writesBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
    // Mostly refusals, of several kinds; the few valid variants were stored.
    expect([...statuses.keys()].filter((status) => status >= 400).length).toBeGreaterThanOrEqual(4);
    expect(accepted).toBeLessThan(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 300_000);
});
