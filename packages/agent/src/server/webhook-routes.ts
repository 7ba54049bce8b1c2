import { randomBytes } from "node:crypto";
import type { WebhookStore } from "../store/webhook-store.js";
import { generateWebhookSecret } from "../webhooks/signature.js";
import { HttpError, readJsonBody } from "./http-io.js";
import { notFound, parse, queryOf, type Route } from "./router.js";
import { CreateWebhookBody, ListDeliveriesQuery } from "./tenant-api-schemas.js";

const WEBHOOK_ID = "(?<webhookId>wh_[A-Za-z0-9]{8,40})";
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

/** `/v1/webhooks…`: subscriptions of the caller's tenant, their deliveries, and replays. */
export function webhookRoutes(webhooks: WebhookStore): Route[] {
  return [
    {
      pattern: /^\/v1\/webhooks$/,
      methods: {
        POST: async (request, { caller }) => {
          const body = parse(CreateWebhookBody, await readJsonBody(request));
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
        GET: async (_request, { caller }) => [200, { items: await webhooks.list(caller.tenantId) }],
      },
    },
    {
      pattern: new RegExp(`^/v1/webhooks/${WEBHOOK_ID}$`),
      methods: {
        DELETE: async (_request, { caller, params }) => {
          const id = params.webhookId ?? "";
          if (!(await webhooks.delete(caller.tenantId, id))) throw notFound(`webhook ${id}`);
          return [200, { id, deleted: true }];
        },
      },
    },
    {
      pattern: new RegExp(`^/v1/webhooks/${WEBHOOK_ID}/deliveries$`),
      methods: {
        GET: async (_request, { caller, params, url }) => {
          const id = params.webhookId ?? "";
          const { limit } = parse(ListDeliveriesQuery, queryOf(url));
          const items = await webhooks.deliveries(caller.tenantId, id, limit);
          if (items === null) throw notFound(`webhook ${id}`);
          return [200, { items }];
        },
      },
    },
    {
      pattern: new RegExp(`^/v1/webhooks/${WEBHOOK_ID}/deliveries/(?<deliveryId>msg_[0-9a-f]{32})/replay$`),
      methods: {
        POST: async (_request, { caller, params }) => {
          const { webhookId = "", deliveryId = "" } = params;
          if (!(await webhooks.replay(caller.tenantId, webhookId, deliveryId))) {
            throw notFound(`delivery ${deliveryId} of webhook ${webhookId}`);
          }
          return [202, { id: deliveryId, status: "pending" }];
        },
      },
    },
  ];
}
