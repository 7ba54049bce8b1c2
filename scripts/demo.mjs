#!/usr/bin/env node
// `pnpm demo` (and `npm start`): builds the example app if its sources changed, starts the session
// service (embedded PGlite, a fresh local API key) and the app, waits until both answer, prints the
// URL, and stops both on Ctrl-C / SIGTERM. Without LiveKit credentials the page replays a recorded intake.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const appDir = join(root, "examples/nextjs");
const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 90_000;

const { values: options } = parseArgs({
  options: {
    port: { type: "string", default: process.env.DEMO_PORT ?? "3000" },
    "service-port": { type: "string", default: process.env.DEMO_SERVICE_PORT ?? "8787" },
    "data-dir": { type: "string", default: join(root, ".data/pglite") },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (options.help) {
  console.log(
    "usage: node scripts/demo.mjs [--port 3000] [--service-port 8787] [--data-dir .data/pglite]\n" +
      "LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (all three) switch the page from replay to live;\n" +
      "the agent worker then runs separately.",
  );
  process.exit(0);
}

function port(name) {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`demo: --${name} must be a port number (1-65535), got "${options[name]}"`);
    process.exit(2);
  }
  return value;
}

const appPort = port("port");
const servicePort = port("service-port");
const serviceUrl = `http://${HOST}:${servicePort}`;
const appUrl = `http://${HOST}:${appPort}`;
// Local only, new each run: the app's server is the only client of the service.
const apiKey = randomBytes(24).toString("hex");
const liveKitVariables = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"];
const live = liveKitVariables.every((name) => process.env[name]?.trim());

/** Newest modification time of the files under the paths. */
function newestChange(paths) {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path);
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) {
      visit(join(path, entry));
    }
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

function buildAppIfChanged() {
  const buildId = join(appDir, ".next/BUILD_ID");
  const sources = [
    ...["app", "components", "lib", "next.config.ts", "package.json", "tsconfig.json"].map((path) =>
      join(appDir, path),
    ),
    join(root, "packages/widget/src"),
    join(root, "packages/protocol/src"),
    join(root, "examples/recordings"),
    join(root, "pnpm-lock.yaml"),
  ];
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestChange(sources)) {
    console.log("demo: example app build is up to date");
    return;
  }
  console.log("demo: building the example app (next build)…");
  const started = Date.now();
  const result = spawnSync("pnpm", ["--filter", "@voice-onboarding/example-nextjs", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("demo: the example app did not build; see the output above");
    process.exit(1);
  }
  console.log(`demo: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const children = [];
let stopping = false;

/** Each child leads its own process group, so stopping it also stops the processes it started. */
function start(name, packageDir, bin, args, env) {
  const command = join(packageDir, "node_modules/.bin", bin);
  const child = spawn(command, args, {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: "inherit",
    detached: true,
  });
  child.exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`demo: ${name} stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    void stop(1);
  });
  children.push(child);
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children) signalGroup(child, "SIGTERM");
  const forceKill = setTimeout(() => {
    for (const child of children) signalGroup(child, "SIGKILL");
  }, 10_000);
  await Promise.all(children.map((child) => child.exited));
  clearTimeout(forceKill);
  process.exit(exitCode);
}

async function waitUntilAnswering(name, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  console.error(`demo: ${name} did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
  await stop(1);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

buildAppIfChanged();

const liveKitEnv = Object.fromEntries(liveKitVariables.map((name) => [name, live ? process.env[name] : ""]));
start("session service", join(root, "packages/agent"), "tsx", ["src/cli.ts", "serve"], {
  ...liveKitEnv,
  PORT: String(servicePort),
  HOST,
  VOICE_ONBOARDING_API_KEY: apiKey,
  VOICE_ONBOARDING_DATA_DIR: resolve(options["data-dir"]),
});
start("example app", appDir, "next", ["start", "--port", String(appPort), "--hostname", HOST], {
  NEXT_TELEMETRY_DISABLED: "1",
  VOICE_ONBOARDING_SERVICE_URL: serviceUrl,
  VOICE_ONBOARDING_API_KEY: apiKey,
});

await waitUntilAnswering("session service", `${serviceUrl}/healthz`);
await waitUntilAnswering("example app", appUrl);
if (!stopping) {
  const mode = live
    ? "live: start the agent worker with the same LiveKit credentials"
    : "replay: no LiveKit credentials, the page plays a recorded intake";
  console.log(`\nVoice Onboarding demo is running (${mode}).\n\n  Open ${appUrl}\n\nCtrl-C stops it.`);
}
