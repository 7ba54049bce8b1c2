#!/usr/bin/env node
// Entry point for `npm start` and `npm test` on a machine that has only Node >= 20 and npm:
// makes sure the pinned pnpm exists, installs the workspace from the lockfile, then runs the job.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PNPM_VERSION = "12.21.0";
const job = process.argv[2];
const jobs = { start: ["demo"], test: ["check"] };
if (!(job in jobs)) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(jobs).join("|")}>`);
  process.exit(2);
}

const env = {
  ...process.env,
  // Browsers come from Debian's chromium package; nothing downloads its own.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
};

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpmVersion() {
  try {
    return execFileSync("pnpm", ["--version"], { encoding: "utf8", env }).trim();
  } catch {
    return null;
  }
}

if (pnpmVersion() !== PNPM_VERSION) {
  console.log(`installing pnpm ${PNPM_VERSION} with npm (corepack's signature check fails offline)`);
  run("npm", ["install", "--global", `pnpm@${PNPM_VERSION}`]);
}

// Tests drive a real PostgreSQL 15 and Debian's Chromium; install them when we are allowed to.
if (
  job === "test" &&
  process.platform === "linux" &&
  process.getuid?.() === 0 &&
  existsSync("/usr/bin/apt-get")
) {
  const missing = [
    ["chromium", "/usr/bin/chromium"],
    ["postgresql", "/usr/lib/postgresql/15/bin/initdb"],
    // Real speech for the voice tests: the recruiter's microphone and the TTS stand-in.
    ["espeak-ng", "/usr/bin/espeak-ng"],
    // The screenshot baselines were rendered with Liberation fonts (chromium only recommends them).
    ["fonts-liberation", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"],
  ].filter(([, path]) => !existsSync(path));
  if (missing.length > 0) {
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing.map(([name]) => name)]);
  }
}

// The live tests run a real livekit-server; the script keeps one already on PATH at the pinned version.
if (job === "test" && process.platform === "linux") run("bash", ["scripts/install-livekit-server.sh"]);

run("pnpm", ["install", "--frozen-lockfile"]);
run("pnpm", ["run", ...jobs[job]]);
