/**
 * `voice-onboarding-agent replay` as a user runs it: a separate Node process, so exit codes,
 * stdout purity and "exits by itself" (no dangling handles) are what is tested. The model is a
 * local stand-in speaking the OpenAI chat-completions wire format (no provider is reachable
 * here, and replays must be reproducible); the agent session, tools and store are real.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteStore } from "../../src/store/pglite.js";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      // No kill on timeout would hide a process that never exits; 60 s is far above a normal run.
      { cwd: PACKAGE_DIR, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: "" } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "replay-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scriptFile(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const VALID = {
  session: {
    recruiter: { firstName: "Maya" },
    company: { name: "Acme" },
    profile: { requirements: { jobTitle: "Backend Engineer" } },
  },
  turns: [
    {
      user: "We need someone senior, hybrid in SF three days a week.",
      assistant: {
        toolCalls: [
          {
            name: "update_requirements",
            arguments: { location_type: "hybrid", location_city: "San Francisco", onsite_days: 3 },
          },
          { name: "update_requirements", arguments: { onsite_days: 9 } },
        ],
        say: "Got it, hybrid in SF.",
      },
    },
  ],
};

describe("voice-onboarding-agent replay", () => {
  it("prints the replay as JSON on stdout and exits 0, tool errors included as results", async () => {
    const { code, stdout, stderr } = await cli("replay", await scriptFile("valid.json", VALID));

    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.profile.requirements).toMatchObject({
      workplaceType: "hybrid",
      locationCity: "San Francisco",
      onsiteDaysPerWeek: 3,
    });
    expect(result.toolResults.map((call: { isError: boolean }) => call.isError)).toEqual([false, true]);
    expect(result.messages.map((message: { type: string }) => message.type)).toEqual([
      "profile.snapshot",
      "requirements.updated",
    ]);
  });

  it("writes to --out instead of stdout and keeps the profile in a --store pglite:<dir>", async () => {
    const out = join(dir, "out.json");
    const data = join(dir, "pglite");
    const { code, stdout } = await cli(
      "replay",
      await scriptFile("valid-out.json", VALID),
      "--out",
      out,
      "--store",
      `pglite:${data}`,
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const result = JSON.parse(await readFile(out, "utf8"));
    expect(result.profile.status).toBe("in_progress");
    const store = await createPgliteStore({ dataDir: data });
    try {
      expect(await store.load(result.sessionId)).toEqual(result.profile);
    } finally {
      await store.close();
    }
  });

  it("rejects an invalid script with a one-line message naming the bad path", async () => {
    const invalid = { ...VALID, turns: [...VALID.turns, { user: "And remote?", assistant: { say: 42 } }] };
    const { code, stdout, stderr } = await cli("replay", await scriptFile("invalid.json", invalid));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/invalid script .*invalid\.json: turns\[1\]\.assistant\.say: .*expected string/);
  });

  it("fails with a clear message for a missing file, broken JSON or a bad --store", async () => {
    const missing = await cli("replay", join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read script .*nope\.json: no such file/);

    const broken = await cli("replay", await scriptFile("broken.json", "{ turns: "));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);

    const store = await cli("replay", await scriptFile("store.json", VALID), "--store", "postgres://x");
    expect(store.code).toBe(2);
    expect(store.stderr).toMatch(/--store must be pglite:<dir>/);
  });

  it("lists the commands that exist", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/replay <script\.json>/);
    const unknown = await cli("dance");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "dance"/);
  });
});
