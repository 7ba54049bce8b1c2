import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { AccessToken } from "livekit-server-sdk";
import { freePort, waitFor } from "./process.js";

/** The oldest server the project is tested with; any later 1.x should do. */
export const LIVEKIT_SERVER_VERSION = "1.13.5";

/**
 * The livekit-server binary: LIVEKIT_SERVER_BIN, else `livekit-server` on PATH, else Go's bin
 * folder (where `go install github.com/livekit/livekit-server/cmd/server@v1.13.5` puts it as `server`).
 */
export function findLiveKitServer(): string | null {
  const explicit = process.env.LIVEKIT_SERVER_BIN;
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "livekit-server");
    if (dir && existsSync(candidate)) return candidate;
  }
  const goBin = join(process.env.GOPATH ?? join(homedir(), "go"), "bin");
  for (const name of ["livekit-server", "server"]) {
    const candidate = join(goBin, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export function requireLiveKitServer(): string {
  const binary = findLiveKitServer();
  if (binary) return binary;
  throw new Error(
    [
      "livekit-server not found (LIVEKIT_SERVER_BIN, PATH, or $GOPATH/bin).",
      `Install it: GOTOOLCHAIN=local go install github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_SERVER_VERSION}`,
      "then link $(go env GOPATH)/bin/server as livekit-server on PATH (bash .ci/run does this).",
    ].join("\n"),
  );
}

export interface LiveKitServer {
  /** ws:// URL for clients and agents. */
  url: string;
  /** http:// URL for the server APIs (RoomServiceClient, AgentDispatchClient). */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The server's log so far (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

export interface LiveKitServerOptions {
  /** Where LiveKit posts room and participant events (its webhooks), signed with the API key. */
  webhookUrls?: string[];
  /** Seconds a room stays after its last participant leaves. Default 20, LiveKit's own. */
  departureTimeout?: number;
}

/**
 * A real livekit-server on loopback: its own signal, RTC TCP and UDP ports, no STUN (nothing
 * outside is reachable), host candidates on 127.0.0.1 only. Ready when its HTTP port answers.
 */
export async function startLiveKitServer(options: LiveKitServerOptions = {}): Promise<LiveKitServer> {
  const binary = requireLiveKitServer();
  const [port, tcpPort, udpPort] = [await freePort(), await freePort(), await freePort()];
  const apiKey = "devkey";
  const apiSecret = "voice-onboarding-test-secret-0123456789";
  const dir = await mkdtemp(join(tmpdir(), "vo-livekit-"));
  const config = [
    `port: ${port}`,
    "bind_addresses: [127.0.0.1]",
    "rtc:",
    `  tcp_port: ${tcpPort}`,
    `  udp_port: ${udpPort}`,
    "  use_external_ip: false",
    "  node_ip: 127.0.0.1",
    "  enable_loopback_candidate: true",
    "  stun_servers: []",
    "  ips:",
    "    includes: [127.0.0.1/32]",
    "keys:",
    `  ${apiKey}: ${apiSecret}`,
    "logging:",
    "  level: info",
    "room:",
    `  departure_timeout: ${options.departureTimeout ?? 20}`,
    ...(options.webhookUrls?.length
      ? ["webhook:", `  api_key: ${apiKey}`, "  urls:", ...options.webhookUrls.map((url) => `    - ${url}`)]
      : []),
  ].join("\n");
  const configFile = join(dir, "livekit.yaml");
  await writeFile(configFile, config);

  const output: string[] = [];
  const child: ChildProcess = spawn(binary, ["--config", configFile], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (!exited) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const httpUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor("livekit-server", 20_000, async () => {
      if (exited) throw new Error(`livekit-server exited:\n${output.join("")}`);
      return (await fetch(httpUrl)).ok;
    });
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${output.join("").slice(-4000)}`);
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey,
    apiSecret,
    log: () => output.join(""),
    stop,
  };
}

/** `livekit-server --version`, e.g. "1.13.5". */
export function liveKitServerVersion(binary = requireLiveKitServer()): string {
  return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim().split(/\s+/).at(-1) ?? "";
}

/** A token for `identity` in `room` that publishes and subscribes: a participant of a test or bench, not a recruiter. */
export function participantToken(
  { apiKey, apiSecret }: Pick<LiveKitServer, "apiKey" | "apiSecret">,
  identity: string,
  room: string,
): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { identity });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true });
  return token.toJwt();
}
