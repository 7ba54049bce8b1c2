/**
 * A crash between commit and send loses no event: a sender process (real PostgreSQL, real HTTP)
 * takes a delivery and is killed (SIGKILL) while the receiver holds its request; a second sender
 * sends the same message id once the first one's lease runs out.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { generateApiKey } from "../../src/server/api-keys.js";
import { ProfileService } from "../../src/service/index.js";
import { createPostgresStore, migratePostgres, type PostgresStore } from "../../src/store/index.js";
import { TenantStore } from "../../src/store/tenant-store.js";
import { WebhookStore } from "../../src/store/webhook-store.js";
import { WebhookSender } from "../../src/webhooks/sender.js";
import { generateWebhookSecret } from "../../src/webhooks/signature.js";
import { checkPostgres, type PostgresServer, startPostgres } from "../harness/postgres.js";
import { commitIntake } from "../store/fixtures.js";
import { startReceiver, until } from "./receiver.js";

const canRun = checkPostgres("the webhook sender crash test (real PostgreSQL 15)");

const AGENT_DIR = fileURLToPath(new URL("../..", import.meta.url));
const LEASE_MS = 2_000;

describe.skipIf(!canRun)("webhook sender crash", () => {
  let postgres: PostgresServer;
  let store: PostgresStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    await migratePostgres(postgres.uri);
    store = createPostgresStore({ connectionString: postgres.uri });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await store?.close();
    await postgres?.stop();
  });

  function startSenderProcess(): Promise<ChildProcess> {
    // node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the sender, not its parent.
    const child = spawn(process.execPath, ["--import", "tsx", "test/webhooks/sender-process.ts"], {
      cwd: AGENT_DIR,
      env: {
        ...process.env,
        DATABASE_URL: postgres.uri,
        SENDER_TIMEOUT_MS: "1500",
        SENDER_LEASE_MS: String(LEASE_MS),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`sender process exited early (${code})`)));
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("sending")) resolve(child);
      });
    });
  }

  it("sends the committed event again, same id, after the sender is killed mid-request", async () => {
    const secret = generateWebhookSecret();
    // The first request of each id hangs until the sender dies; the next one succeeds.
    const receiver = await startReceiver(
      () => secret,
      (nth) => (nth === 1 ? "hang" : "ok"),
    );
    const tenants = new TenantStore(store);
    const webhooks = new WebhookStore(store);
    await tenants.createApiKey("crash", { ...generateApiKey(), label: "" });
    const { id: subscriptionId } = await webhooks.create("crash", {
      id: "wh_crashtest1",
      url: receiver.url,
      events: ["session.completed"],
      secret,
    });
    const service = new ProfileService({ store, publisher: new CapturingPublisher() });
    const created = await service.createSession({ recruiter: { firstName: "Cy" } }, "crash");
    // Committed before any sender runs: the outbox row is part of the commit.
    await commitIntake(store, created);

    const first = await startSenderProcess();
    await until("the first sender's request", () => receiver.received.length === 1, 60_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    const second = new WebhookSender({
      store: webhooks,
      timeoutMs: 1_500,
      leaseMs: LEASE_MS,
      pollIntervalMs: 50,
    });
    second.start();
    try {
      await until("the second sender's delivery", () => receiver.received.length === 2, 60_000);
      const [lost, resent] = receiver.received;
      expect(resent?.id).toBe(lost?.id);
      expect(resent?.body.type).toBe("session.completed");
      expect(resent?.body.data.sessionId).toBe(created.sessionId);
      await until("the delivery recorded", async () =>
        ((await webhooks.deliveries("crash", subscriptionId, 10)) ?? []).some(
          (d) => d.status === "delivered",
        ),
      );
      const [delivery] = (await webhooks.deliveries("crash", subscriptionId, 10)) ?? [];
      // The killed attempt was never recorded; the one that landed was.
      expect(delivery).toMatchObject({ id: lost?.id, status: "delivered", attempts: 1 });
      expect(receiver.invalid).toEqual([]);
    } finally {
      await second.stop();
      await receiver.close();
    }
  });
});
