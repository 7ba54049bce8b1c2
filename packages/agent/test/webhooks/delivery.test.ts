/**
 * Webhooks end to end in one process: changes committed through the real store fill the outbox
 * (PGlite, real migrations), the real sender posts them over loopback HTTP to a receiver that
 * fails, times out and succeeds in turn, and every attempt is recorded and listed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { generateApiKey } from "../../src/server/api-keys.js";
import { ProfileService } from "../../src/service/index.js";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";
import { TenantStore } from "../../src/store/tenant-store.js";
import { type WebhookEventType, WebhookStore } from "../../src/store/webhook-store.js";
import { DEFAULT_RETRY, retryDelayMs, WebhookSender } from "../../src/webhooks/sender.js";
import { generateWebhookSecret } from "../../src/webhooks/signature.js";
import { commitIntake } from "../store/fixtures.js";
import { startReceiver, until } from "./receiver.js";

let store: PgliteStore;
let tenants: TenantStore;
let webhooks: WebhookStore;
let service: ProfileService;
let tenantCount = 0;

beforeAll(async () => {
  store = await createPgliteStore();
  tenants = new TenantStore(store);
  webhooks = new WebhookStore(store);
  service = new ProfileService({ store, publisher: new CapturingPublisher() });
});
afterAll(async () => {
  await store?.close();
});

/** A tenant (created with a key) subscribed to `url`. */
async function subscribedTenant(url: string, secret: string, events: WebhookEventType[]) {
  const tenantId = `hooks-${++tenantCount}`;
  await tenants.createApiKey(tenantId, { ...generateApiKey(), label: "" });
  const subscription = await webhooks.create(tenantId, {
    id: `wh_test${tenantCount}abcd`,
    url,
    events,
    secret,
  });
  return { tenantId, subscriptionId: subscription.id };
}

const quickSender = (overrides: Partial<ConstructorParameters<typeof WebhookSender>[0]> = {}) =>
  new WebhookSender({
    store: webhooks,
    timeoutMs: 300,
    pollIntervalMs: 20,
    debounceMs: 0,
    retry: { baseDelayMs: 40, maxDelayMs: 200 },
    ...overrides,
  });

describe("webhook delivery", () => {
  it("debounces updates, then delivers each event through a failure and a timeout, with one id", async () => {
    const secret = generateWebhookSecret();
    const receiver = await startReceiver(
      () => secret,
      (nth) => (nth === 1 ? "fail" : nth === 2 ? "hang" : "ok"),
    );
    const sender = quickSender();
    try {
      const { tenantId, subscriptionId } = await subscribedTenant(receiver.url, secret, [
        "session.updated",
        "session.completed",
        "session.deleted",
      ]);
      const created = await service.createSession({ recruiter: { firstName: "Ada" } }, tenantId);
      const completed = await commitIntake(store, created);

      // A burst of updates left one pending update carrying the last one, beside the completion.
      const queued = (await webhooks.deliveries(tenantId, subscriptionId, 100)) ?? [];
      expect(queued.map((delivery) => delivery.type).sort()).toEqual([
        "session.completed",
        "session.updated",
      ]);

      sender.start();
      await until("both events delivered", async () =>
        ((await webhooks.deliveries(tenantId, subscriptionId, 100)) ?? []).every(
          (d) => d.status === "delivered",
        ),
      );
      expect(receiver.invalid).toEqual([]);
      const byType = (type: string) => receiver.received.filter((entry) => entry.body.type === type);
      for (const type of ["session.updated", "session.completed"]) {
        const attempts = byType(type);
        expect(attempts.map((entry) => entry.behaviour)).toEqual(["fail", "hang", "ok"]);
        expect(new Set(attempts.map((entry) => entry.id)).size).toBe(1);
      }
      const [completion] = byType("session.completed");
      expect(completion?.body.data).toEqual({
        sessionId: created.sessionId,
        version: completed.version,
        profile: completed,
      });
      const [update] = byType("session.updated");
      expect(update?.body.data.version).toBe(completed.version - 1);

      const log = (await webhooks.deliveries(tenantId, subscriptionId, 100)) ?? [];
      for (const delivery of log) {
        expect(delivery).toMatchObject({ status: "delivered", attempts: 3, nextAttemptAt: null });
        expect(delivery.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, null, 204]);
        expect(delivery.attemptLog[1]?.error).toMatch(/no answer within 300 ms/);
      }

      // Replay on demand: the same message id, sent again.
      const completionId = completion?.id ?? "";
      expect(await webhooks.replay(tenantId, subscriptionId, completionId)).toBe(true);
      await until(
        "the replay",
        () => receiver.received.filter((entry) => entry.id === completionId).length === 4,
      );
      await until("the replay recorded", async () =>
        ((await webhooks.deliveries(tenantId, subscriptionId, 100)) ?? []).some(
          (d) => d.id === completionId && d.attempts === 4 && d.status === "delivered",
        ),
      );

      // Erasure: the session's payloads go, a session.deleted event comes.
      expect(await tenants.deleteSession(tenantId, created.sessionId)).toBe(true);
      await until("session.deleted delivered", () =>
        receiver.received.some((entry) => entry.body.type === "session.deleted" && entry.behaviour === "ok"),
      );
      const afterErasure = (await webhooks.deliveries(tenantId, subscriptionId, 100)) ?? [];
      expect(afterErasure.map((delivery) => delivery.type)).toEqual(["session.deleted"]);
      expect(byType("session.deleted")[0]?.body.data).toEqual({ sessionId: created.sessionId });
    } finally {
      await sender.stop();
      await receiver.close();
    }
  });

  it("gives up after the retry window and keeps the failure visible", async () => {
    const secret = generateWebhookSecret();
    const receiver = await startReceiver(
      () => secret,
      () => "fail",
    );
    const sender = quickSender({ retry: { windowMs: 0 } });
    try {
      const { tenantId, subscriptionId } = await subscribedTenant(receiver.url, secret, [
        "session.completed",
      ]);
      const created = await service.createSession({ recruiter: { firstName: "Bo" } }, tenantId);
      await commitIntake(store, created);
      expect(await sender.runOnce()).toBe(1);
      const [delivery] = (await webhooks.deliveries(tenantId, subscriptionId, 10)) ?? [];
      expect(delivery).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
      expect(await sender.runOnce()).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("backs off exponentially with jitter, capped, for at least a day by default", () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000, windowMs: 0 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000]);
    expect(DEFAULT_RETRY.windowMs).toBeGreaterThanOrEqual(24 * 60 * 60_000);
  });
});
