import type { AddressInfo } from "node:net";
import { loadServerConfig } from "../config/index.js";
import { createAgentDispatcher, liveKitRoomAgentApi } from "../server/agent-dispatch.js";
import { createSessionServer } from "../server/session-server.js";
import { ProfileService } from "../service/index.js";
import { createStoreFromEnv, storeConfigFromEnv } from "../store/from-env.js";
import { TenantStore } from "../store/tenant-store.js";
import { keepsTurnLatency } from "../store/turn-latency-store.js";
import { WebhookStore } from "../store/webhook-store.js";
import { WebhookSender } from "../webhooks/sender.js";
import { UsageError } from "./usage.js";

/** The session service never changes a profile after creating it, so it has nothing to publish. */
const nothingToPublish = { publish: async () => {} };

/** `serve`: the session & token service on PORT, with the store chosen by the environment. */
export async function serveCommand(args: string[]): Promise<void> {
  if (args.length > 0)
    throw new UsageError(
      `serve takes no arguments; configure it with environment variables (see .env.example)`,
    );
  const config = loadServerConfig(process.env);
  const store = await createStoreFromEnv(process.env);
  const service = new ProfileService({ store, publisher: nothingToPublish });
  const { apiKey, livekit, agentName, tokenTtlSeconds } = config;
  const server = createSessionServer({
    service,
    store,
    apiKey,
    rateLimits: config.rateLimits,
    livekit,
    agentName,
    ttlSeconds: tokenTtlSeconds,
    logger: console,
    ...(keepsTurnLatency(store) && { turnLatency: store }),
    // Self-hosted LiveKit never replaces a dead job's agent: a token for a room without one dispatches it.
    agentDispatcher: livekit
      ? createAgentDispatcher({ api: liveKitRoomAgentApi(livekit), agentName, logger: console })
      : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  // Webhooks go out from the outbox the commits fill, whichever process committed them.
  const sender = new WebhookSender({ store: new WebhookStore(store), logger: console });
  sender.start();
  const stopRetention = startRetention(new TenantStore(store), config.retentionDays);
  const { port } = server.address() as AddressInfo;
  const storeName = { postgres: "PostgreSQL", supabase: "Supabase", pglite: "embedded PGlite" }[
    storeConfigFromEnv(process.env).kind
  ];
  process.stderr.write(
    `session service listening on http://${config.host}:${port} (store: ${storeName}; LiveKit tokens: ${config.livekit ? "on" : "off"})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  stopRetention();
  await sender.stop();
  await store.close();
}

const HOUR_MS = 60 * 60_000;

/** Erases sessions untouched for `days` now and every hour; nothing when `days` is 0. */
function startRetention(tenants: TenantStore, days: number): () => void {
  if (days === 0) return () => {};
  const purge = () => {
    const cutoff = new Date(Date.now() - days * 24 * HOUR_MS);
    tenants.purge(cutoff).then(
      ({ sessions }) => {
        if (sessions > 0) console.info(`retention: erased ${sessions} session(s) untouched for ${days} days`);
      },
      (error: unknown) => console.warn(`retention: purge failed, retrying in an hour: ${String(error)}`),
    );
  };
  purge();
  const timer = setInterval(purge, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
