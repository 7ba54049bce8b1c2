// `pnpm live`: the whole live path on this machine with no keys. A real livekit-server, PostgreSQL
// in a temp folder (migrated), the real agent worker with a scripted model and local speech
// stand-ins, the session service and the example app in live mode. Needs livekit-server >= 1.13
// on PATH (scripts/install-livekit-server.sh) and PostgreSQL 15's server binaries.
// --state <file> writes the stack's addresses and the worker's pid as JSON (for the e2e tests).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SCRIPT, startLiveStack } from "../packages/agent/test/harness/live-stack.js";

const root = resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "service-port": { type: "string", default: "8787" },
    script: { type: "string", default: DEFAULT_SCRIPT },
    state: { type: "string" },
    logs: { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (options.help) {
  console.log(
    "usage: pnpm live [--port 3000] [--service-port 8787] [--script <replay script>] [--state <file>] [--logs <dir>] [--quiet]\n" +
      "The scripted model answers the script's recruiter lines (type them in the widget); anything else gets a hint.",
  );
  process.exit(0);
}

const stack = await startLiveStack({
  script: resolve(options.script),
  echo: !options.quiet,
  logDir: options.logs && resolve(options.logs),
});
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
stack.worker.child.once("exit", (code) => {
  if (!stopping) {
    console.error(`live: the worker stopped unexpectedly (exit ${code})`);
    void stop(1);
  }
});

const demo = stack.spawn(
  "demo",
  process.execPath,
  [
    join(root, "scripts/demo.mjs"),
    "--port",
    options.port,
    "--service-port",
    options["service-port"],
    "--data-dir",
    join(root, ".data/pglite-live-unused"),
  ],
  { VOICE_ONBOARDING_MODE: "live" },
  root,
);
await demo.waitFor(/Voice Onboarding demo is running/, 300_000).catch(async (error: unknown) => {
  console.error(String(error));
  await stop(1);
});
const appUrl = `http://127.0.0.1:${options.port}`;
if (options.state) {
  await mkdir(dirname(options.state), { recursive: true });
  await writeFile(
    options.state,
    JSON.stringify(
      {
        appUrl,
        serviceUrl: `http://127.0.0.1:${options["service-port"]}`,
        livekit: {
          url: stack.livekit.url,
          httpUrl: stack.livekit.httpUrl,
          apiKey: stack.livekit.apiKey,
          apiSecret: stack.livekit.apiSecret,
        },
        agentName: stack.agentName,
        workerPid: stack.worker.child.pid,
        modelUrl: stack.model.baseURL,
        speechControlUrl: stack.speech.controlURL,
        databaseUrl: stack.databaseUrl,
      },
      null,
      2,
    ),
  );
}
console.log(
  `\nVoice Onboarding live stack is running: real LiveKit at ${stack.livekit.url}, scripted model and speech stand-ins.\n\n  Open ${appUrl}\n\nCtrl-C stops it.`,
);
