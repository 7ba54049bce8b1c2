import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../../src/webhooks/signature.js";

/** What the receiver does with the nth request (1-based) carrying one webhook-id. */
export type Behaviour = "fail" | "hang" | "ok";

export interface Received {
  id: string;
  /** Which request with this id it was (1 = first). */
  nth: number;
  behaviour: Behaviour;
  // biome-ignore lint/suspicious/noExplicitAny: the verified JSON body.
  body: any;
}

/**
 * A real HTTP receiver on loopback that verifies every request with `verifyWebhook` (a bad
 * signature is a test failure, answered 400) and then fails, hangs or succeeds as scripted.
 */
export async function startReceiver(secret: () => string, script: (nth: number) => Behaviour) {
  const received: Received[] = [];
  const invalid: string[] = [];
  const counts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = verifyWebhook(secret(), request.headers, Buffer.concat(chunks));
    } catch (error) {
      invalid.push(String(error));
      response.writeHead(400).end();
      return;
    }
    const id = String(request.headers["webhook-id"]);
    const nth = (counts.get(id) ?? 0) + 1;
    counts.set(id, nth);
    const behaviour = script(nth);
    received.push({ id, nth, behaviour, body });
    if (behaviour === "hang") {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    response.writeHead(behaviour === "ok" ? 204 : 500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    invalid,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` every 25 ms until it returns true, or fails after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
