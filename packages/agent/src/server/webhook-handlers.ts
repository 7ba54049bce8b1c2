import { randomBytes } from "node:crypto";
import type { WebhookStore } from "../store/webhook-store.js";
import { generateWebhookSecret } from "../webhooks/signature.js";
import type { Handlers } from "./handler-types.js";
import { HttpError } from "./http-io.js";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only to this machine (a receiver under development, tests). */
function checkEndpoint(url: string): void {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const allowed =
    parsed !== undefined &&
    parsed.username === "" &&
    parsed.password === "" &&
    (parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)));
  if (!allowed) {
    throw new HttpError(
      400,
      "invalid_request",
      `url: must be an https:// URL without credentials (http:// only to localhost), got "${url.slice(0, 200)}"`,
    );
  }
}

const notFound = (what: string) => new HttpError(404, "not_found", `${what} not found`);

type WebhookOperation =
  | "createWebhook"
  | "listWebhooks"
  | "deleteWebhook"
  | "listDeliveries"
  | "replayDelivery";

/** `/v1/webhooks…`: subscriptions of the caller's tenant, their deliveries, and replays. */
export function webhookHandlers(webhooks: WebhookStore): Pick<Handlers, WebhookOperation> {
  return {
    createWebhook: async ({ caller, body }) => {
      checkEndpoint(body.url);
      const secret = body.secret ?? generateWebhookSecret();
      const created = await webhooks.create(caller.tenantId, {
        id: `wh_${randomBytes(12).toString("hex")}`,
        url: body.url,
        events: [...new Set(body.events)],
        secret,
      });
      return [201, { ...created, secret }];
    },
    listWebhooks: async ({ caller }) => [200, { items: await webhooks.list(caller.tenantId) }],
    deleteWebhook: async ({ caller, params }) => {
      const id = params.webhookId;
      if (!(await webhooks.delete(caller.tenantId, id))) throw notFound(`webhook ${id}`);
      return [200, { id, deleted: true }];
    },
    listDeliveries: async ({ caller, params, query }) => {
      const id = params.webhookId;
      const items = await webhooks.deliveries(caller.tenantId, id, query.limit);
      if (items === null) throw notFound(`webhook ${id}`);
      return [200, { items }];
    },
    replayDelivery: async ({ caller, params }) => {
      const { webhookId, deliveryId } = params;
      if (!(await webhooks.replay(caller.tenantId, webhookId, deliveryId))) {
        throw notFound(`delivery ${deliveryId} of webhook ${webhookId}`);
      }
      return [202, { id: deliveryId, status: "pending" }];
    },
  };
}
