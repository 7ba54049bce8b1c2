// A webhook sender on its own, as a process the crash test can kill: DATABASE_URL names the
// database; prints "sending" once it started.
import { createPostgresStore } from "../../src/store/postgres.js";
import { WebhookStore } from "../../src/store/webhook-store.js";
import { WebhookSender } from "../../src/webhooks/sender.js";

const store = createPostgresStore({ connectionString: process.env.DATABASE_URL ?? "" });
const sender = new WebhookSender({
  store: new WebhookStore(store),
  timeoutMs: Number(process.env.SENDER_TIMEOUT_MS),
  leaseMs: Number(process.env.SENDER_LEASE_MS),
  pollIntervalMs: 50,
  debounceMs: 0,
});
sender.start();
process.stdout.write("sending\n");
