import type { WebhookEventType } from "../webhooks/event-types.js";
import type { FunctionCaller } from "./function-caller.js";

export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../webhooks/event-types.js";

export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when it never answered (refused, timed out). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  /** The message id sent as `webhook-id`, the same on every retry and replay. */
  id: string;
  type: WebhookEventType;
  sessionId: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  attemptLog: DeliveryAttempt[];
}

/** A delivery a sender holds (leased) and must post, then record. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  /** The body: `{ type, timestamp, data }`. */
  payload: { type: WebhookEventType; timestamp: string; data: Record<string, unknown> };
  /** Attempts before this one. */
  attempts: number;
  /** Retries stop a retry window after this. */
  retryFrom: string;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** On a failure: retry after this long, or null to give up. */
  retryInMs: number | null;
}

/** Webhook subscriptions per tenant and the outbox their deliveries go through. */
export class WebhookStore {
  constructor(private readonly db: FunctionCaller) {}

  create(
    tenantId: string,
    subscription: { id: string; url: string; events: readonly WebhookEventType[]; secret: string },
  ): Promise<WebhookSubscription> {
    return this.db.callFunction(
      "create_webhook_subscription",
      {
        p_tenant_id: tenantId,
        p_id: subscription.id,
        p_url: subscription.url,
        p_events: [...subscription.events],
        p_secret: subscription.secret,
      },
      `create a webhook for tenant "${tenantId}"`,
    );
  }

  list(tenantId: string): Promise<WebhookSubscription[]> {
    return this.db.callFunction(
      "list_webhook_subscriptions",
      { p_tenant_id: tenantId },
      `list the webhooks of tenant "${tenantId}"`,
    );
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.callFunction<{ deleted: boolean }>(
      "delete_webhook_subscription",
      { p_tenant_id: tenantId, p_id: id },
      `delete webhook "${id}" of tenant "${tenantId}"`,
    );
    return result.deleted;
  }

  /** Newest first; null when the subscription is not the tenant's. */
  deliveries(tenantId: string, subscriptionId: string, limit: number): Promise<WebhookDelivery[] | null> {
    return this.db.callFunction(
      "list_webhook_deliveries",
      { p_tenant_id: tenantId, p_subscription_id: subscriptionId, p_limit: limit },
      `list the deliveries of webhook "${subscriptionId}" of tenant "${tenantId}"`,
    );
  }

  /** Queues a delivery again now with the same message id; false when it is not the tenant's. */
  async replay(tenantId: string, subscriptionId: string, deliveryId: string): Promise<boolean> {
    const result = await this.db.callFunction<{ replayed: boolean }>(
      "replay_webhook_delivery",
      { p_tenant_id: tenantId, p_subscription_id: subscriptionId, p_delivery_id: deliveryId },
      `replay delivery "${deliveryId}" of webhook "${subscriptionId}"`,
    );
    return result.replayed;
  }

  /** Leases up to `limit` due deliveries for `leaseMs`; updates wait `debounceMs` after their first change. */
  claim(limit: number, leaseMs: number, debounceMs: number): Promise<ClaimedDelivery[]> {
    return this.db.callFunction(
      "claim_webhook_deliveries",
      { p_limit: limit, p_lease_ms: leaseMs, p_debounce_ms: debounceMs },
      "claim due webhook deliveries",
    );
  }

  async record(deliveryId: string, outcome: AttemptOutcome): Promise<void> {
    await this.db.callFunction(
      "record_webhook_attempt",
      {
        p_delivery_id: deliveryId,
        p_ok: outcome.ok,
        p_status_code: outcome.statusCode,
        p_error: outcome.error,
        p_duration_ms: Math.round(outcome.durationMs),
        p_retry_in_ms: outcome.retryInMs === null ? null : Math.round(outcome.retryInMs),
      },
      `record an attempt of webhook delivery "${deliveryId}"`,
    );
  }
}
