/**
 * `voice-onboarding-agent eval` as a user runs it (a separate process: exit code, the table on
 * stdout, the report file, exiting by itself), then `--compare` and bad input in-process. No keys:
 * the scripted stand-in model (OpenAI wire format on loopback) and scripted recruiter lines.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../../src/cli/eval.js";
import { UsageError } from "../../src/cli/usage.js";
import { defaultPersonaDir } from "../../src/eval/load-personas.js";
import { EvalReport } from "../../src/eval/report.js";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      // Keys in the test's environment must not turn this into a paid run.
      {
        cwd: PACKAGE_DIR,
        timeout: 120_000,
        env: { ...process.env, NODE_OPTIONS: "", OPENROUTER_API_KEY: "" },
      },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

async function inProcess(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  stdout.on("data", (chunk) => out.push(String(chunk)));
  await evalCommand(args, { stdout, stderr, env: {} });
  return out.join("");
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "eval-cli-"));
  await mkdir(join(dir, "personas"));
  await copyFile(
    join(defaultPersonaDir(), "terse-backend.json"),
    join(dir, "personas", "terse-backend.json"),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("voice-onboarding-agent eval", () => {
  it("prints the table, writes a report that --compare reads back, and exits by itself", async () => {
    const a = join(dir, "a.json");
    const run = await cli("eval", "--personas", join(dir, "personas"), "--runs", "2", "--out", a);
    expect(run.stderr).toContain("scripted run (no model keys");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^terse-backend +100% +100% /m);
    expect(run.stdout).toMatch(/^overall +100% /m);
    const report = EvalReport.parse(JSON.parse(await readFile(a, "utf8")));
    expect(report.personas[0]?.runs).toHaveLength(2);

    const worse = structuredClone(report);
    worse.model = "another-model";
    if (worse.personas[0]) worse.personas[0].summary.overall = 0.5;
    worse.overall.overall = 0.5;
    const b = join(dir, "b.json");
    await writeFile(b, JSON.stringify(worse));
    const compared = await inProcess(["--compare", a, b]);
    expect(compared).toContain("b: another-model (scripted run, ");
    expect(compared).toMatch(/^terse-backend +100% -> 50% \(-50% worse\) +100% = /m);
  }, 150_000);

  it("refuses bad input with a usage error that names it", async () => {
    await expect(inProcess(["--compare", join(dir, "a.json")])).rejects.toThrow(/exactly two report files/);
    await expect(inProcess(["--runs", "0"])).rejects.toThrow(/--runs must be a whole number from 1 to 50/);
    await expect(inProcess(["--personas", join(dir, "nowhere")])).rejects.toThrow(UsageError);
    await writeFile(join(dir, "bad.json"), JSON.stringify({ version: 1, mode: "scripted" }));
    await expect(inProcess(["--compare", join(dir, "bad.json"), join(dir, "bad.json")])).rejects.toThrow(
      /bad\.json is not an eval report \(createdAt: /,
    );
    await expect(inProcess(["--bogus"])).rejects.toThrow(/Unknown option '--bogus'/);
  });
});
