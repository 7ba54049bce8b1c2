/**
 * `voice-onboarding-agent chat` driven through its stdin/stdout. The model is the local stand-in
 * speaking the OpenAI chat-completions wire format (no provider is reachable here); the openai
 * plugin, agent session, tools and the PGlite store are real.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatCommand } from "../../src/cli/chat.js";
import { parseScript } from "../../src/replay/script.js";
import { type StandInModel, startStandInModel } from "../../src/replay/stand-in-server.js";

const { turns } = parseScript({
  session: { recruiter: { firstName: "Maya" } },
  turns: [
    {
      user: "We're hiring a staff engineer, fully remote.",
      assistant: {
        toolCalls: [
          {
            name: "update_requirements",
            arguments: { job_title: "Staff Engineer", location_type: "remote" },
          },
          {
            name: "create_trait",
            arguments: {
              name: "Distributed Systems",
              description: "Designs services that stay up.",
              priority: "must_have",
            },
          },
        ],
        say: "Staff engineer, remote. What's the pay range?",
      },
    },
  ],
});

let model: StandInModel;
let dataDir: string;
beforeAll(async () => {
  model = await startStandInModel(turns);
  dataDir = await mkdtemp(join(tmpdir(), "chat-"));
});
afterAll(async () => {
  await model.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("chat command", () => {
  it("talks to the model, prints every card change as it commits, and the completion at the end", async () => {
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
    });
    await chatCommand(["--recruiter", "Maya", "--company", "Acme"], {
      input: Readable.from(["We're hiring a staff engineer, fully remote.\n", "\n"]),
      output,
      env: { LLM_BASE_URL: model.baseURL, LLM_MODEL: model.model, VOICE_ONBOARDING_DATA_DIR: dataDir },
    });
    const lines = printed.trim().split("\n");
    expect(lines[0]).toMatch(/^session [0-9a-f-]{36} — type your answers/);
    expect(lines[1]).toMatch(/^agent: Hey Maya!.*Acme/);
    expect(lines).toContain('  [requirements] jobTitle="Staff Engineer" workplaceType="remote"');
    expect(lines).toContain("  [trait +] Distributed Systems (must_have): Designs services that stay up.");
    expect(lines).toContain("agent: Staff engineer, remote. What's the pay range?");
    expect(lines.at(-1)).toBe(
      "37% complete; still missing: experience, compensation, visa, equity, interview_stages",
    );
  });

  it("names the missing variable when the model is not configured", async () => {
    await expect(
      chatCommand([], { input: Readable.from([]), output: new PassThrough(), env: {} }),
    ).rejects.toThrow(/OPENROUTER_API_KEY: required/);
  });
});
