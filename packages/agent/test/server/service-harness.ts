import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { generateApiKey } from "../../src/server/api-keys.js";
import { createSessionServer, type SessionServerOptions } from "../../src/server/session-server.js";
import { ProfileService } from "../../src/service/index.js";
import type { PgliteStore } from "../../src/store/index.js";
import { TenantStore } from "../../src/store/tenant-store.js";

export const BOOTSTRAP_KEY = "vo_bootstrap_key_0123456789";

export const newSessionBody = {
  recruiter: { firstName: "Maya", lastName: "Chen" },
  company: { name: "Acme" },
  profile: { requirements: { jobTitle: "Backend Engineer" } },
};

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the route answers.
  json: any;
}

/** The session service on loopback over a PGlite store, with a `call` that sends one key. */
export async function startService(store: PgliteStore, options: Partial<SessionServerOptions> = {}) {
  const service = new ProfileService({ store, publisher: new CapturingPublisher() });
  const server: Server = createSessionServer({
    service,
    store,
    apiKey: BOOTSTRAP_KEY,
    livekit: { url: "wss://example.livekit.cloud", apiKey: "APItest", apiSecret: "s".repeat(40) },
    agentName: "voice-onboarding",
    ttlSeconds: 600,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tenants = new TenantStore(store);

  async function call(key: string | null, method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  }

  /** A new active key of `tenantId` (created if new). */
  async function keyFor(tenantId: string): Promise<{ id: string; key: string }> {
    const key = generateApiKey();
    await tenants.createApiKey(tenantId, { ...key, label: "test" });
    return key;
  }

  return {
    base,
    call,
    keyFor,
    tenants,
    service,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
