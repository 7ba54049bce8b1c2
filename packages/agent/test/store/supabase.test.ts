import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSupabaseStore, type DatabaseStore, StoreUnavailableError } from "../../src/store/index.js";
import { checkPostgres, type SupabaseStandIn, startSupabaseStandIn } from "../harness/postgres.js";
import { freePort } from "../harness/process.js";
import type { Attempt } from "./conformance.js";
import { type ConformanceTarget, profileStoreConformance } from "./conformance.js";
import { apply, newProfile, newSessionId, steadyChange } from "./fixtures.js";
import { serviceStoreConformance } from "./service-conformance.js";

const canRun = checkPostgres("the supabase adapter suite (real PostgreSQL 15 + PostgREST)");

describe.skipIf(!canRun)("supabase adapter against PostgreSQL + PostgREST", () => {
  let supabase: SupabaseStandIn;

  beforeAll(async () => {
    supabase = await startSupabaseStandIn();
  });
  afterAll(async () => {
    await supabase?.stop();
  });

  it("tells the operator to check SUPABASE_SERVICE_ROLE_KEY when given another role's key", async () => {
    const store = createSupabaseStore({ url: supabase.url, serviceRoleKey: supabase.keyFor("anon") });
    const error = await store.load(newSessionId("wrong-key")).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/SUPABASE_SERVICE_ROLE_KEY/);
    await store.close();
  });

  const target = (): ConformanceTarget & { store: DatabaseStore } => {
    const store = createSupabaseStore({ url: supabase.url, serviceRoleKey: supabase.serviceRoleKey });
    return {
      store,
      adminQuery: async (sql) =>
        JSON.parse(
          await supabase.postgres.sql(`with t as (${sql}) select coalesce(json_agg(t), '[]') from t`),
        ),
      tryAs: async (role, attempt) => {
        const { url, init } = requestFor(supabase, role, attempt);
        const response = await fetch(url, init);
        const body = (await response.json().catch(() => ({}))) as { code?: string };
        return response.ok ? { allowed: true } : { allowed: false, code: body.code };
      },
      takeDown: () => supabase.postgres.halt(),
      teardown: () => store.close(),
    };
  };

  // First: the profile suite takes the database down at its end.
  serviceStoreConformance("supabase (PostgREST 12 on PostgreSQL 15)", async () => target());
  profileStoreConformance("supabase (PostgREST 12 on PostgreSQL 15)", async () => target());
});

/** The request a browser holding that role's key would send. */
function requestFor(
  supabase: SupabaseStandIn,
  role: "anon" | "authenticated",
  attempt: Attempt,
): { url: string; init: RequestInit } {
  const key = supabase.keyFor(role);
  const headers = { apikey: key, authorization: `Bearer ${key}`, "content-type": "application/json" };
  if (attempt.kind === "select") {
    return { url: `${supabase.url}/rest/v1/${attempt.table}?select=*`, init: { headers } };
  }
  return {
    url: `${supabase.url}/rest/v1/rpc/${attempt.fn}`,
    init: { method: "POST", headers, body: JSON.stringify(attempt.args) },
  };
}

describe("supabase adapter without a server", () => {
  it("reports an unreachable URL as StoreUnavailableError naming SUPABASE_URL", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const store = createSupabaseStore({ url, serviceRoleKey: "not-checked" });
    const started = Date.now();
    const error = await store.load(newSessionId("nowhere")).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/SUPABASE_URL/);
    expect((error as Error).cause).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    await store.close();
  });

  it.each([
    { status: 503, code: "PGRST000", written: "no" }, // PostgREST could not connect to the database
    { status: 504, code: "PGRST003", written: "no" }, // no pooled connection in time
    { status: 503, code: "PGRST001", written: "unknown" }, // the connection was lost mid-call
    { status: 502, code: undefined, written: "unknown" }, // a gateway's 502: PostgREST may have run it
  ])("a commit answered $status $code may have been written: $written", async ({ status, code, written }) => {
    const failing = createServer((_request, response) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify({ code, message: "down", details: null, hint: null }));
    });
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const { port } = failing.address() as AddressInfo;
    const store = createSupabaseStore({ url: `http://127.0.0.1:${port}`, serviceRoleKey: "k" });
    try {
      const profile = newProfile(newSessionId("failing"));
      const message = steadyChange(profile, 1);
      const error = await store
        .commit(profile.sessionId, 0, apply(profile, message), message, "change-1")
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).written).toBe(written);
    } finally {
      await store.close();
      failing.closeAllConnections();
      failing.close();
    }
  });

  it("gives up on a server that never answers after timeoutMs", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const store = createSupabaseStore({
      url: `http://127.0.0.1:${port}`,
      serviceRoleKey: "k",
      timeoutMs: 300,
    });
    try {
      const error = await store.load(newSessionId("silent")).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/did not answer within 300 ms/);
    } finally {
      await store.close();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
