import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../chromium";

/** Free loopback ports, all taken at once so they differ. */
function freePorts(count: number): string {
  const script = `const net = require("node:net");
const servers = Array.from({ length: ${count} }, () => net.createServer());
Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", ok)))).then(() => {
  process.stdout.write(servers.map((s) => s.address().port).join(","));
  for (const s of servers) s.close();
});`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

// Workers load this file again; they inherit the ports the main process picked.
process.env.E2E_PORTS ??= freePorts(4);
const [replayApp, replayService, liveApp, liveService] = process.env.E2E_PORTS.split(",");

/** The demo itself: builds the app if needed, starts the session service and `next start`. */
function demo(
  appPort: string | undefined,
  servicePort: string | undefined,
  dataDir: string,
  env: Record<string, string>,
) {
  return {
    command: `node ../../scripts/demo.mjs --port ${appPort} --service-port ${servicePort} --data-dir ${resolve(dataDir)}`,
    // Not `url`: the app answers before the service is up; the demo says when both are.
    wait: { stdout: /Voice Onboarding demo is running/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
    env: { VOICE_ONBOARDING_MODE: "", ...env },
  };
}

/**
 * The live path for real: a real livekit-server, PostgreSQL, the agent worker with a scripted model
 * and speech stand-ins, the session service and this app (`pnpm live`, scripts/live.ts). It writes
 * where everything is to `LIVE_STACK_STATE` for the tests.
 */
export const LIVE_STACK_STATE = resolve("test-results/live-stack.json");
function liveStack(appPort: string | undefined, servicePort: string | undefined) {
  return {
    command: `node ../../node_modules/tsx/dist/cli.mjs ../../scripts/live.ts --quiet --port ${appPort} --service-port ${servicePort} --state ${LIVE_STACK_STATE} --logs test-results/live-stack-logs`,
    wait: { stdout: /Voice Onboarding live stack is running/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 30_000 },
    env: { VOICE_ONBOARDING_MODE: "" },
  };
}

/**
 * `E2E_SUITE=replay` (the recorded intake, two workers) or `live` (the real stack, one test at a
 * time: the tests share one agent worker and one kills its job process); both when unset.
 */
const suite = process.env.E2E_SUITE ?? "all";
if (!["all", "replay", "live"].includes(suite))
  throw new Error(`E2E_SUITE must be replay or live, got ${suite}`);
const runs = (name: string) => suite === "all" || suite === name;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: suite === "live" ? 1 : 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/artifacts",
  reporter: [["list"], ["json", { outputFile: `test-results/e2e-${suite}.json` }]],
  use: {
    trace: "retain-on-failure",
    // Debian's chromium: no browser is ever downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [
    runs("replay") && {
      name: "replay",
      testIgnore: "live/**",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${replayApp}` },
    },
    runs("live") && {
      name: "live",
      testMatch: "live/*.spec.ts",
      // Job processes start on demand and run Silero VAD on the fake microphone: on 2 busy cores a
      // first greeting can take well over the replay's 15 s.
      expect: { timeout: 30_000 },
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://127.0.0.1:${liveApp}`,
        launchOptions: {
          executablePath: CHROMIUM_EXECUTABLE,
          args: [
            ...CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            // WebRTC to the LiveKit server on 127.0.0.1.
            "--allow-loopback-in-peer-connection",
          ],
        },
      },
    },
  ].filter((project) => project !== false),
  // Started one after the other, so only the first builds the app.
  webServer: [
    runs("replay") &&
      demo(replayApp, replayService, "test-results/pglite-replay", {
        LIVEKIT_URL: "",
        LIVEKIT_API_KEY: "",
        LIVEKIT_API_SECRET: "",
      }),
    runs("live") && liveStack(liveApp, liveService),
  ].filter((server) => server !== false),
});
