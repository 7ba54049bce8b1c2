import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "../../src/server/api-keys.js";
import { type DatabaseStore, StoreUnavailableError } from "../../src/store/index.js";
import { TenantStore } from "../../src/store/tenant-store.js";
import { WebhookStore } from "../../src/store/webhook-store.js";
import { type Attempt, type ConformanceTarget, expectRefusedToBrowsers } from "./conformance.js";
import { apply, commitIntake, newProfile, newSessionId, snapshotOf, steadyChange } from "./fixtures.js";

const TABLES = [
  "tenants",
  "tenant_api_keys",
  "webhook_subscriptions",
  "webhook_deliveries",
  "webhook_delivery_attempts",
];

const FUNCTIONS: Record<string, Record<string, unknown>> = {
  create_tenant_job_profile: { p_tenant_id: "default", p_session_id: "x", p_profile: {}, p_message: {} },
  get_tenant_job_profile: { p_tenant_id: "default", p_session_id: "x" },
  list_tenant_job_profiles: {
    p_tenant_id: "default",
    p_status: null,
    p_after_created_at: null,
    p_after_session_id: null,
    p_limit: 10,
  },
  delete_tenant_job_profile: { p_tenant_id: "default", p_session_id: "x" },
  purge_job_profiles: { p_older_than: "2000-01-01T00:00:00Z", p_tenant_id: null },
  create_tenant_api_key: {
    p_tenant_id: "x",
    p_key_id: "key_abcdefgh",
    p_key_hash: "0".repeat(64),
    p_label: "",
  },
  list_tenant_api_keys: { p_tenant_id: "default" },
  revoke_tenant_api_key: { p_tenant_id: "default", p_key_id: "key_abcdefgh" },
  authenticate_api_key: { p_key_hash: "0".repeat(64) },
  list_webhook_subscriptions: { p_tenant_id: "default" },
  claim_webhook_deliveries: { p_limit: 1, p_lease_ms: 1000, p_debounce_ms: 0 },
  purge_webhook_deliveries: { p_older_than: "2000-01-01T00:00:00Z" },
};

/**
 * The tenant, erasure and webhook functions behave the same on every adapter (they all go
 * through `callFunction`), and browsers' roles reach none of their tables or functions.
 */
export function serviceStoreConformance(
  name: string,
  setup: () => Promise<Omit<ConformanceTarget, "store"> & { store: DatabaseStore }>,
): void {
  describe(`tenant and webhook store conformance: ${name}`, () => {
    let target: Awaited<ReturnType<typeof setup>>;
    let tenants: TenantStore;
    let webhooks: WebhookStore;
    let tenantCount = 0;

    beforeAll(async () => {
      target = await setup();
      tenants = new TenantStore(target.store);
      webhooks = new WebhookStore(target.store);
    });
    afterAll(async () => {
      await target?.teardown();
    });

    const newTenant = async () => {
      const tenantId = `t${process.pid}-${Date.now().toString(36)}-${++tenantCount}`;
      const key = generateApiKey();
      await tenants.createApiKey(tenantId, { ...key, label: "first" });
      return { tenantId, key };
    };

    const createdFor = async (tenantId: string, label: string) => {
      const profile = newProfile(newSessionId(label));
      await target.store.create(profile, snapshotOf(profile), tenantId);
      return profile;
    };

    it("creates, finds, lists and revokes hashed API keys per tenant", async () => {
      const { tenantId, key } = await newTenant();
      const second = generateApiKey();
      await tenants.createApiKey(tenantId, { ...second, label: "rotation" });
      expect(await tenants.authenticate(key.hash)).toEqual({ tenantId, keyId: key.id });
      expect((await tenants.listApiKeys(tenantId)).map((record) => record.label)).toEqual([
        "first",
        "rotation",
      ]);
      const other = await newTenant();
      expect(await tenants.revokeApiKey(other.tenantId, key.id)).toBe(false);
      expect(await tenants.revokeApiKey(tenantId, key.id)).toBe(true);
      expect(await tenants.authenticate(key.hash)).toBeNull();
      expect(await tenants.authenticate(second.hash)).toEqual({ tenantId, keyId: second.id });
    });

    it("scopes sessions to their tenant, refuses an unknown tenant, and pages with a cursor", async () => {
      const { tenantId } = await newTenant();
      const other = await newTenant();
      const profiles = [];
      for (let i = 0; i < 3; i++) profiles.push(await createdFor(tenantId, "scoped"));
      const [first] = profiles;
      if (!first) throw new Error("no profile");
      expect(await tenants.loadSession(tenantId, first.sessionId)).toEqual(first);
      expect(await tenants.loadSession(other.tenantId, first.sessionId)).toBeNull();
      expect(await tenants.deleteSession(other.tenantId, first.sessionId)).toBe(false);

      const ghost = newProfile(newSessionId("no-tenant"));
      const refused = target.store.create(ghost, snapshotOf(ghost), "no-such-tenant");
      await expect(refused).rejects.toThrow(/unknown tenant/);
      await expect(refused).rejects.not.toBeInstanceOf(StoreUnavailableError);

      const page1 = await tenants.listSessions(tenantId, { limit: 2 });
      expect(page1.items).toHaveLength(2);
      const page2 = await tenants.listSessions(tenantId, { limit: 2, cursor: page1.next ?? "" });
      expect(page2.next).toBeNull();
      expect([...page1.items, ...page2.items].map((item) => item.sessionId)).toEqual(
        profiles.map((profile) => profile.sessionId).reverse(),
      );
      expect((await tenants.listSessions(other.tenantId, { limit: 10 })).items).toEqual([]);
      expect((await tenants.listSessions(tenantId, { limit: 10, status: "completed" })).items).toEqual([]);
    });

    it("cascades every foreign key on job_profiles, so erasure reaches any table that references a session", async () => {
      const blocking = await target.adminQuery(
        `select conrelid::regclass::text as referencing, conname from pg_constraint
          where contype = 'f' and confrelid = 'public.job_profiles'::regclass and confdeltype <> 'c'`,
      );
      expect(blocking).toEqual([]);
    });

    it("erases a session with its log, and purges by age", async () => {
      const { tenantId } = await newTenant();
      const erased = await createdFor(tenantId, "erase");
      const message = steadyChange(erased, 1);
      await target.store.commit(erased.sessionId, 0, apply(erased, message), message);
      expect(await tenants.deleteSession(tenantId, erased.sessionId)).toBe(true);
      expect(await target.store.load(erased.sessionId)).toBeNull();
      expect(await target.store.messages(erased.sessionId)).toEqual([]);

      const old = await createdFor(tenantId, "old");
      const fresh = await createdFor(tenantId, "fresh");
      await target.adminQuery(
        `update public.job_profiles set updated_at = now() - interval '40 days' where session_id = '${old.sessionId}' returning session_id`,
      );
      const purged = await tenants.purge(new Date(Date.now() - 30 * 86_400_000), tenantId);
      expect(purged.sessions).toBe(1);
      expect(await target.store.load(old.sessionId)).toBeNull();
      expect(await target.store.messages(old.sessionId)).toEqual([]);
      expect(await target.store.load(fresh.sessionId)).toEqual(fresh);
    });

    it("writes webhook events with the change, leases them, records attempts and replays", async () => {
      const { tenantId } = await newTenant();
      const subscription = await webhooks.create(tenantId, {
        id: `wh_conf${tenantCount}abcdef`,
        url: "https://receiver.example/hooks",
        events: ["session.completed", "session.deleted"],
        secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}`,
      });
      expect(await webhooks.list(tenantId)).toEqual([subscription]);
      const profile = await commitIntake(target.store, await createdFor(tenantId, "hooked"));

      const claimed = (await webhooks.claim(100, 60_000, 0)).filter(
        (d) => d.subscriptionId === subscription.id,
      );
      expect(claimed).toHaveLength(1);
      expect(claimed[0]?.payload).toMatchObject({ type: "session.completed", data: { profile } });
      // Leased: nobody else takes it meanwhile.
      const again = await webhooks.claim(100, 60_000, 0);
      expect(again.filter((d) => d.subscriptionId === subscription.id)).toEqual([]);

      const id = claimed[0]?.id ?? "";
      await webhooks.record(id, {
        ok: false,
        statusCode: 503,
        error: "HTTP 503",
        durationMs: 12,
        retryInMs: 60_000,
      });
      let [delivery] = (await webhooks.deliveries(tenantId, subscription.id, 10)) ?? [];
      expect(delivery).toMatchObject({ id, status: "pending", attempts: 1 });
      expect(delivery?.attemptLog).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: 503, error: "HTTP 503" }),
      ]);
      expect(await webhooks.replay(tenantId, subscription.id, id)).toBe(true);
      const replayed = (await webhooks.claim(100, 60_000, 0)).filter((d) => d.id === id);
      expect(replayed).toHaveLength(1);
      await webhooks.record(id, { ok: true, statusCode: 200, error: null, durationMs: 8, retryInMs: null });
      [delivery] = (await webhooks.deliveries(tenantId, subscription.id, 10)) ?? [];
      expect(delivery).toMatchObject({ status: "delivered", attempts: 2, nextAttemptAt: null });

      const other = await newTenant();
      expect(await webhooks.deliveries(other.tenantId, subscription.id, 10)).toBeNull();
      expect(await webhooks.replay(other.tenantId, subscription.id, id)).toBe(false);
      expect(await webhooks.delete(other.tenantId, subscription.id)).toBe(false);
      expect(await webhooks.delete(tenantId, subscription.id)).toBe(true);
      expect(await webhooks.list(tenantId)).toEqual([]);
    });

    it("keeps the new tables behind row level security, out of browsers' reach", async () => {
      const flags = await target.adminQuery(
        `select relname, relrowsecurity from pg_class
          where relnamespace = 'public'::regnamespace and relname in (${TABLES.map((t) => `'${t}'`).join(", ")})
          order by relname`,
      );
      expect(flags).toEqual([...TABLES].sort().map((relname) => ({ relname, relrowsecurity: true })));
      const attempts: Attempt[] = [
        ...TABLES.map((table): Attempt => ({ kind: "select", table })),
        ...Object.entries(FUNCTIONS).map(([fn, args]): Attempt => ({ kind: "call", fn, args })),
      ];
      await expectRefusedToBrowsers(target, attempts);
    });
  });
}
