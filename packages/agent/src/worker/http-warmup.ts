import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Sends one request through Node's fetch to a server of its own on 127.0.0.1, so a job's first
 * provider request (the greeting's speech, the model's first answer) does not pay for loading the
 * HTTP client (undici) while the recruiter waits: Start → spoken opening line p50 1.82 → 1.41 s in
 * `pnpm bench:live`. Runs in an idle job process. Best effort: resolves false instead of failing
 * the process's warm-up, and then only the first request pays.
 */
export async function warmHttpClient(): Promise<boolean> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.end(Buffer.alloc(4096)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ warm: true }),
    });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  } finally {
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
}
