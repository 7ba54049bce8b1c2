import { JobProfile, PROFILE_STATUSES } from "@voice-onboarding/protocol";
import * as z from "zod/mini";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/event-types.js";

// Request and response shapes of the tenant-scoped routes (listing, erasure, webhooks), in the
// style of request-schemas.ts, so the OpenAPI description can be generated from them.

const Timestamp = z.string().check(z.iso.datetime({ offset: true }));

/** `GET /v1/sessions?status=&cursor=&limit=` (query string values). */
export const ListSessionsQuery = z.strictObject({
  status: z.optional(z.enum(PROFILE_STATUSES)),
  /** The `next` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

export const SessionSummary = z.object({
  sessionId: z.string(),
  status: z.enum(PROFILE_STATUSES),
  version: z.number(),
  jobTitle: z.nullable(z.string()),
  companyName: z.nullable(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SessionListResponse = z.object({
  items: z.array(SessionSummary),
  next: z.nullable(z.string()),
});

/** `DELETE /v1/sessions/{id}`. */
export const DeleteSessionResponse = z.object({ sessionId: z.string(), deleted: z.literal(true) });

export const WebhookIdParam = z.string().check(z.regex(/^wh_[A-Za-z0-9]{8,40}$/));
export const DeliveryIdParam = z.string().check(z.regex(/^msg_[0-9a-f]{32}$/));
/** `DELETE /v1/webhooks/{id}`. */
export const WebhookDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });
/** `POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay`. */
export const ReplayAcceptedResponse = z.object({ id: z.string(), status: z.literal("pending") });

/** `POST /v1/webhooks`: the endpoint of the vendor's backend and what it wants to hear about. */
export const CreateWebhookBody = z.strictObject({
  url: z.string().check(z.maxLength(2048)),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).check(z.minLength(1)),
  /** A Standard Webhooks secret (`whsec_` + base64 of 24-64 bytes); generated when absent. */
  secret: z.optional(z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/))),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const WebhookSubscription = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  createdAt: Timestamp,
});

/** The secret is returned once, when the subscription is created. */
export const CreatedWebhookResponse = z.object({ ...WebhookSubscription.shape, secret: z.string() });
export const WebhookListResponse = z.object({ items: z.array(WebhookSubscription) });

/** `GET /v1/webhooks/{id}/deliveries?limit=`. */
export const ListDeliveriesQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
});

export const WebhookDelivery = z.object({
  id: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  sessionId: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  createdAt: Timestamp,
  nextAttemptAt: z.nullable(Timestamp),
  deliveredAt: z.nullable(Timestamp),
  attemptLog: z.array(
    z.object({
      attempt: z.number(),
      at: Timestamp,
      statusCode: z.nullable(z.number()),
      error: z.nullable(z.string()),
      durationMs: z.number(),
    }),
  ),
});
export const DeliveryListResponse = z.object({ items: z.array(WebhookDelivery) });

/** The JSON body every webhook carries (Standard Webhooks' recommended `{ type, timestamp, data }`). */
export const WebhookPayload = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("session.completed"),
    timestamp: Timestamp,
    data: z.object({ sessionId: z.string(), version: z.number(), profile: JobProfile }),
  }),
  z.object({
    type: z.literal("session.updated"),
    timestamp: Timestamp,
    data: z.object({ sessionId: z.string(), version: z.number(), profile: JobProfile }),
  }),
  z.object({
    type: z.literal("session.deleted"),
    timestamp: Timestamp,
    data: z.object({ sessionId: z.string() }),
  }),
]);
export type WebhookPayload = z.infer<typeof WebhookPayload>;
