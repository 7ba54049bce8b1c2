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

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    trace: "retain-on-failure",
    // Debian's chromium: no browser is ever downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "replay",
      testIgnore: "live.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${replayApp}` },
    },
    {
      name: "live",
      testMatch: "live.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://127.0.0.1:${liveApp}`,
        launchOptions: {
          executablePath: CHROMIUM_EXECUTABLE,
          args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
        },
      },
    },
  ],
  // Started one after the other, so only the first builds the app.
  webServer: [
    demo(replayApp, replayService, "test-results/pglite-replay", {
      LIVEKIT_URL: "",
      LIVEKIT_API_KEY: "",
      LIVEKIT_API_SECRET: "",
    }),
    // Real tokens for a LiveKit server that is not there: the vendor integration up to the room.
    demo(liveApp, liveService, "test-results/pglite-live", {
      LIVEKIT_URL: "ws://127.0.0.1:9",
      LIVEKIT_API_KEY: "e2e-key",
      LIVEKIT_API_SECRET: "e2e-secret-that-is-long-enough-for-hs256",
    }),
  ],
});
