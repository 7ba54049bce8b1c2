#!/usr/bin/env node
// The test command (`pnpm check`, run by `npm test` and CI): static checks, package builds and their
// publishing checks, every vitest project (unit, integration, real Chromium, built Storybook),
// then the example app's Playwright end-to-end tests (replay, then live on a real LiveKit server).
// Ends with one line, `N passed, N failed`: every vitest test plus every check step counts once.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const packages = ["protocol", "exports", "agent", "widget"].map((name) => `@voice-onboarding/${name}`);
const steps = [
  ["lint and format (biome)", "pnpm", ["exec", "biome", "ci", "."]],
  ["typecheck", "pnpm", ["-r", "typecheck"]],
  ...packages.map((pkg) => [`build ${pkg}`, "pnpm", ["--filter", pkg, "build"]]),
  ...packages.map((pkg) => [`publint + attw ${pkg}`, "pnpm", ["--filter", pkg, "publint"]]),
];

let passed = 0;
let failed = 0;
const failures = [];

for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
  if (spawnSync(command, args, { stdio: "inherit" }).status === 0) {
    passed++;
  } else {
    failed++;
    failures.push(label);
  }
}

/** Runs vitest on some projects and counts its report; a file that fails to load counts as a failure. */
function vitest(label, projects) {
  console.log(`\n▶ vitest (${label})`);
  const reportDir = mkdtempSync(join(tmpdir(), "vo-vitest-"));
  const reportFile = join(reportDir, "report.json");
  const selection = projects.flatMap((project) => ["--project", project]);
  spawnSync(
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      ...selection,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
    ],
    { stdio: "inherit" },
  );
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    const brokenFiles = report.testResults.filter(
      (file) => file.status === "failed" && file.assertionResults.length === 0,
    );
    failed += brokenFiles.length;
    for (const file of brokenFiles) failures.push(`could not run ${file.name}`);
    if (report.numFailedTests > 0) failures.push(`${report.numFailedTests} vitest test(s) (${label})`);
    if (report.numTotalTests === 0) {
      failed++;
      failures.push(`vitest ran no test (${label})`);
    }
  } catch (error) {
    failed++;
    failures.push(`vitest produced no report (${label}: ${error.message})`);
  }
  rmSync(reportDir, { recursive: true, force: true });
}

vitest("unit, integration, Chromium, Storybook", [
  "protocol",
  "exports",
  "agent",
  "widget",
  "widget-browser*",
  "storybook",
]);
// On its own: each file runs a whole live stack, which starves beside other suites on 2 cores.
vitest("agent on a real LiveKit server", ["agent-live"]);

// Replay (two workers) and then live on the real stack (one test at a time: they share one worker).
for (const suite of ["replay", "live"]) {
  console.log(`\n▶ end-to-end (Playwright, example app, ${suite})`);
  const report = `examples/nextjs/test-results/e2e-${suite}.json`;
  rmSync(report, { force: true });
  spawnSync("pnpm", ["--filter", "@voice-onboarding/example-nextjs", "e2e"], {
    stdio: "inherit",
    env: { ...process.env, E2E_SUITE: suite },
  });
  try {
    const { stats } = JSON.parse(readFileSync(report, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    if (stats.unexpected > 0) failures.push(`${stats.unexpected} ${suite} end-to-end test(s)`);
    // Counted as passed, never hidden: a test that needed its retry is named in the log above.
    if (stats.flaky > 0)
      console.log(`note: ${stats.flaky} ${suite} end-to-end test(s) passed on their retry`);
    if (stats.expected + stats.unexpected + stats.flaky === 0) {
      failed++;
      failures.push(`Playwright ran no ${suite} test`);
    }
  } catch (error) {
    failed++;
    failures.push(`Playwright produced no ${suite} report (${error.message})`);
  }
}

if (failures.length > 0) console.log(`\nfailed: ${failures.join("; ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
