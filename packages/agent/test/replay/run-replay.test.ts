/**
 * End-to-end replay of scripted intakes. The model is a local stand-in speaking the OpenAI
 * chat-completions wire format: no provider is reachable here, and a regression test needs the
 * same assistant turns every time. Everything downstream of the wire is real: the openai
 * plugin, `voice.AgentSession`, agents-js parallel tool execution, the intake tools,
 * ProfileService and an embedded PostgreSQL (PGlite) store.
 */
import { readFile } from "node:fs/promises";
import { completion, foldMessages, type JobProfile } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReplay } from "../../src/replay/run-replay.js";
import { ScriptError } from "../../src/replay/script.js";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";

const FULL_INTAKE = new URL("../../../../examples/recordings/full-intake.script.json", import.meta.url);
const RECORDING = new URL("../../../../examples/recordings/full-intake.recording.json", import.meta.url);

let store: PgliteStore;
beforeAll(async () => {
  store = await createPgliteStore();
});
afterAll(async () => {
  await store.close();
});

async function fullIntake(sessionId: string): Promise<Record<string, unknown>> {
  const script = JSON.parse(await readFile(FULL_INTAKE, "utf8"));
  return { ...script, session: { ...script.session, id: sessionId } };
}

describe("runReplay", () => {
  it("plays the full intake to a completed profile whose published messages fold to the stored one", async () => {
    const prompts: number[] = [];
    const result = await runReplay(await fullIntake("full-intake-a"), {
      store,
      instructionsFor: (profile: JobProfile) => {
        prompts.push(profile.version);
        return `Profile version ${profile.version}`;
      },
    });

    expect(result.profile.status).toBe("completed");
    expect(completion(result.profile)).toBe(100);
    expect(result.toolResults.at(-1)).toMatchObject({ name: "complete_onboarding", isError: false });
    expect(result.profile.traits.map((trait) => [trait.name, trait.priority])).toEqual([
      ["Distributed Systems Design", "must_have"],
      ["Relational Data Modeling", "must_have"],
      ["Production Ownership", "must_have"],
      ["Mentorship", "nice_to_have"],
      ["Payments Domain Knowledge", "nice_to_have"],
    ]);
    expect(result.profile.stages.map((stage) => [stage.order, stage.name, stage.durationMinutes])).toEqual([
      [1, "Recruiter Screen", 30],
      [2, "Technical Deep Dive", 60],
      [3, "CEO Conversation", 30],
      [4, "Onsite Loop", 240],
    ]);
    expect(result.profile.requirements.compensation).toEqual({
      min: 185000,
      max: 225000,
      currency: "USD",
      interval: "year",
    });
    expect(new Set(result.profile.nuances.map((nuance) => nuance.category)).size).toBe(8);

    // The widget's view (fold of what was published) equals the database, and equals the store's log.
    expect(result.messages[0]).toMatchObject({ type: "profile.snapshot", seq: 0 });
    expect(result.messages.map((message) => message.seq)).toEqual(result.messages.map((_, index) => index));
    const folded = foldMessages(null, result.messages);
    expect(folded.status).toBe("applied");
    expect(folded.profile).toEqual(result.profile);
    expect(await store.load(result.sessionId)).toEqual(result.profile);
    expect(await store.messages(result.sessionId, -1)).toEqual(result.messages);

    // The prompt was rebuilt for the created profile and after every committed change.
    expect(prompts).toEqual([...result.messages.map((message) => message.seq), result.profile.version]);
    expect(result.prompt).toBe(`Profile version ${result.profile.version}`);
  });

  it("reproduces the committed recording, rejected tool call and its correction included", async () => {
    const script = JSON.parse(await readFile(FULL_INTAKE, "utf8"));
    const result = await runReplay(script, { store });

    const recording = JSON.parse(await readFile(RECORDING, "utf8"));
    // On a deliberate change of tools or prompt: pnpm --filter @voice-onboarding/agent replay:recordings
    expect(result).toEqual(recording);

    const errors = result.toolResults.filter((call) => call.isError);
    expect(errors).toEqual([
      expect.objectContaining({
        turn: 3,
        name: "update_requirements",
        arguments: expect.objectContaining({ salary_currency: "US dollars" }),
      }),
    ]);
    expect(errors[0]?.output).toMatch(/salary_currency|ISO 4217|USD/);
    expect(
      result.toolResults.filter((call) => call.turn === 4 && call.name === "update_requirements"),
    ).toEqual([expect.objectContaining({ isError: false })]);
    // The rejected call wrote nothing: compensation arrives once, with the correction's visa answer.
    const withPay = result.messages.filter(
      (message) =>
        message.type === "requirements.updated" && message.data.requirements.compensation !== undefined,
    );
    expect(withPay.map((message) => message.data)).toEqual([
      {
        requirements: expect.objectContaining({
          compensation: { min: 185000, max: 225000, currency: "USD", interval: "year" },
          visaSponsorship: false,
        }),
      },
    ]);
    expect(result.transcript.filter((entry) => entry.role === "assistant")).toHaveLength(15);
    expect(result.prompt).toContain("Ledgerline");
  });

  it("refuses a script that calls a tool the agent does not offer, naming the path", async () => {
    const script = {
      session: { id: "unknown-tool", recruiter: { firstName: "Maya" } },
      turns: [{ user: "Hi", assistant: { toolCalls: [{ name: "launch_rocket", arguments: {} }] } }],
    };
    const failure = runReplay(script, { store });
    await expect(failure).rejects.toBeInstanceOf(ScriptError);
    await expect(failure).rejects.toThrow(
      /^turns\[0\]\.assistant\.toolCalls\[0\]\.name: unknown tool "launch_rocket"/,
    );
    expect(await store.load("unknown-tool")).toBeNull();
  });
});
