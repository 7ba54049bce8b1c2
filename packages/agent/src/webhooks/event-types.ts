/** The events a webhook subscription can ask for; here, free of store code, so the typed client can name them. */
export const WEBHOOK_EVENT_TYPES = ["session.completed", "session.updated", "session.deleted"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
