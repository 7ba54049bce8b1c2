/**
 * Tenants on the real session service (loopback HTTP, PGlite with the real migrations): keys per
 * tenant, rotation and revocation, a key never reaching another tenant's data on any endpoint,
 * listing, erasure, CORS and rate limits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";
import { commitIntake } from "../store/fixtures.js";
import { BOOTSTRAP_KEY, newSessionBody, startService } from "./service-harness.js";

let store: PgliteStore;
let svc: Awaited<ReturnType<typeof startService>>;

beforeAll(async () => {
  store = await createPgliteStore();
  svc = await startService(store, {
    rateLimits: { sessions: { perMinute: 1000 }, tokens: { perMinute: 1000 } },
  });
});
afterAll(async () => {
  await svc?.close();
  await store?.close();
});

async function createSession(key: string): Promise<string> {
  const created = await svc.call(key, "POST", "/v1/sessions", newSessionBody);
  expect(created.status).toBe(201);
  return created.json.sessionId;
}

describe("API keys per tenant", () => {
  it("accepts the bootstrap key as the default tenant, and several active keys of one tenant", async () => {
    const sessionId = await createSession(BOOTSTRAP_KEY);
    expect((await svc.tenants.loadSession("default", sessionId))?.sessionId).toBe(sessionId);

    const first = await svc.keyFor("rotating");
    const second = await svc.keyFor("rotating");
    const own = await createSession(first.key);
    expect((await svc.call(second.key, "GET", `/v1/sessions/${own}`)).status).toBe(200);
    // Rotation: revoke the old key, the new one keeps working.
    expect(await svc.tenants.revokeApiKey("rotating", first.id)).toBe(true);
    const revoked = await svc.call(first.key, "GET", `/v1/sessions/${own}`);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toBe("Bearer");
    expect((await svc.call(second.key, "GET", `/v1/sessions/${own}`)).status).toBe(200);
    const keys = await svc.tenants.listApiKeys("rotating");
    expect(keys.map((key) => [key.id, key.revokedAt === null])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
  });

  it("stores keys only as SHA-256 hashes", async () => {
    const { key, id } = await svc.keyFor("hashed");
    const { rows } = await store.db.query<Record<string, unknown>>(
      "select * from public.tenant_api_keys where id = $1",
      [id],
    );
    expect(JSON.stringify(rows)).not.toContain(key.slice(4));
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses missing, wrong, truncated and extended keys alike", async () => {
    const { key } = await svc.keyFor("refusals");
    for (const presented of [
      null,
      "",
      "x",
      BOOTSTRAP_KEY.slice(0, -1),
      `${BOOTSTRAP_KEY}x`,
      key.slice(0, -1),
      `${key}x`,
    ]) {
      const reply = await svc.call(presented, "GET", "/v1/sessions");
      expect({ presented, status: reply.status, code: reply.json.error.code }).toEqual({
        presented,
        status: 401,
        code: "unauthorized",
      });
    }
  });
});

describe("a key never reaches another tenant's data", () => {
  it("answers 404 on every endpoint for a session or webhook of another tenant, and changes nothing", async () => {
    const acme = await svc.keyFor("acme");
    const globex = await svc.keyFor("globex");
    const sessionId = await createSession(acme.key);
    const webhook = await svc.call(acme.key, "POST", "/v1/webhooks", {
      url: "http://127.0.0.1:9/hook",
      events: ["session.deleted"],
    });
    expect(webhook.status).toBe(201);
    const webhookId = webhook.json.id;
    const deliveryId = `msg_${"0".repeat(32)}`;

    for (const intruder of [globex.key, BOOTSTRAP_KEY]) {
      const attempts: [string, string, unknown?][] = [
        ["GET", `/v1/sessions/${sessionId}`],
        ["POST", `/v1/sessions/${sessionId}/token`, {}],
        ["DELETE", `/v1/sessions/${sessionId}`],
        ["DELETE", `/v1/webhooks/${webhookId}`],
        ["GET", `/v1/webhooks/${webhookId}/deliveries`],
        ["POST", `/v1/webhooks/${webhookId}/deliveries/${deliveryId}/replay`],
      ];
      for (const [method, path, body] of attempts) {
        const reply = await svc.call(intruder, method, path, body);
        expect({ method, path, status: reply.status }).toEqual({ method, path, status: 404 });
      }
      const sessions = await svc.call(intruder, "GET", "/v1/sessions?limit=100");
      expect(sessions.json.items.map((item: { sessionId: string }) => item.sessionId)).not.toContain(
        sessionId,
      );
      const webhooks = await svc.call(intruder, "GET", "/v1/webhooks");
      expect(webhooks.json.items.map((item: { id: string }) => item.id)).not.toContain(webhookId);
    }
    expect((await svc.call(acme.key, "GET", `/v1/sessions/${sessionId}`)).status).toBe(200);
    expect((await svc.call(acme.key, "GET", `/v1/webhooks/${webhookId}/deliveries`)).status).toBe(200);
    const token = await svc.call(acme.key, "POST", `/v1/sessions/${sessionId}/token`, {});
    expect(token.status).toBe(201);
  });
});

describe("GET /v1/sessions", () => {
  it("pages newest first with an opaque cursor and filters by status", async () => {
    const { key } = await svc.keyFor("lister");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createSession(key));
    const completed = await svc.tenants.loadSession("lister", ids[1] as string);
    await commitIntake(store, completed ?? expect.fail("session missing"));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? "?limit=2" : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const page = await svc.call(key, "GET", `/v1/sessions${query}`);
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items.map((item: { sessionId: string }) => item.sessionId));
      cursor = page.json.next;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const done = await svc.call(key, "GET", "/v1/sessions?status=completed");
    expect(done.json).toMatchObject({
      items: [{ sessionId: ids[1], status: "completed", jobTitle: expect.any(String) }],
      next: null,
    });
    const open = await svc.call(key, "GET", "/v1/sessions?status=in_progress&limit=100");
    expect(open.json.items).toHaveLength(4);
  });

  it("refuses a bad limit, status or cursor with 400", async () => {
    for (const query of ["limit=0", "limit=101", "limit=two", "status=archived", "cursor=bm9wZQ", "page=2"]) {
      const reply = await svc.call(BOOTSTRAP_KEY, "GET", `/v1/sessions?${query}`);
      expect({ query, status: reply.status, code: reply.json.error.code }).toEqual({
        query,
        status: 400,
        code: "invalid_request",
      });
    }
  });
});

describe("DELETE /v1/sessions/{id}", () => {
  it("erases the profile and its whole event log, then answers 404", async () => {
    const { key } = await svc.keyFor("eraser");
    const sessionId = await createSession(key);
    const profile = await svc.tenants.loadSession("eraser", sessionId);
    await commitIntake(store, profile ?? expect.fail("session missing"));
    const count = async (table: string) =>
      (
        await store.db.query<{ n: number }>(
          `select count(*)::int as n from public.${table} where session_id = $1`,
          [sessionId],
        )
      ).rows[0]?.n;
    expect(await count("job_profile_events")).toBeGreaterThan(5);

    const deleted = await svc.call(key, "DELETE", `/v1/sessions/${sessionId}`);
    expect(deleted).toMatchObject({ status: 200, json: { sessionId, deleted: true } });
    expect(await count("job_profiles")).toBe(0);
    expect(await count("job_profile_events")).toBe(0);
    expect((await svc.call(key, "GET", `/v1/sessions/${sessionId}`)).status).toBe(404);
    expect((await svc.call(key, "DELETE", `/v1/sessions/${sessionId}`)).status).toBe(404);
    // Outside an erasure the log stays append-only.
    const other = await createSession(key);
    await expect(
      store.db.query("delete from public.job_profile_events where session_id = $1", [other]),
    ).rejects.toThrow(/append-only/);
  });
});

describe("abuse", () => {
  it("refuses CORS preflights and sends no Access-Control header", async () => {
    const response = await fetch(`${svc.base}/v1/sessions`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "cors_not_supported",
      message: expect.stringMatching(/server-to-server/),
    });
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control"))).toEqual([]);
    const normal = await fetch(`${svc.base}/v1/sessions`, {
      headers: { origin: "https://evil.example", authorization: `Bearer ${BOOTSTRAP_KEY}` },
    });
    expect(normal.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits session creation and token minting per tenant with 429 and Retry-After", async () => {
    const limited = await startService(store, {
      rateLimits: { sessions: { perMinute: 3 }, tokens: { perMinute: 2 } },
    });
    try {
      const { key } = await limited.keyFor("busy");
      const statuses: number[] = [];
      let sessionId = "";
      for (let i = 0; i < 4; i++) {
        const reply = await limited.call(key, "POST", "/v1/sessions", newSessionBody);
        statuses.push(reply.status);
        if (reply.status === 201) sessionId = reply.json.sessionId;
        else {
          expect(reply.json.error.code).toBe("rate_limited");
          expect(Number(reply.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
          expect(Number(reply.headers.get("retry-after"))).toBeLessThanOrEqual(20);
        }
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
      // Another tenant has its own budget.
      expect((await limited.call(BOOTSTRAP_KEY, "POST", "/v1/sessions", newSessionBody)).status).toBe(201);
      const tokens = [];
      for (let i = 0; i < 3; i++)
        tokens.push((await limited.call(key, "POST", `/v1/sessions/${sessionId}/token`, {})).status);
      expect(tokens).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});
