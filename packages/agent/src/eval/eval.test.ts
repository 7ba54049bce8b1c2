// The eval harness end to end without keys: the real agent (prompt, tools, ProfileService, PGlite)
// in text mode, the openai plugin talking to the local scripted stand-in model (OpenAI wire
// format), scripted recruiter lines. Proves the scores, their discrimination and the §4 fixes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSystemPrompt } from "../prompt/index.js";
import { startStandInModel } from "../replay/stand-in-server.js";
import { createPgliteStore } from "../store/pglite.js";
import type { ProfileStore } from "../store/profile-store.js";
import { defaultPersonaDir, loadPersonas } from "./load-personas.js";
import type { Persona } from "./persona.js";
import type { EvalReport } from "./report.js";
import { type EvalOptions, runEval } from "./run-eval.js";
import type { RunScore } from "./score.js";
import { scriptedModel } from "./scripted-model.js";
import { startChatEndpoint } from "./testing/chat-endpoint.js";

const personas = await loadPersonas(defaultPersonaDir());
const persona = (id: string) => personas.find((p) => p.id === id) as Persona;
let store: ProfileStore;

beforeAll(async () => {
  store = await createPgliteStore();
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const evaluate = (options: Omit<EvalOptions, "store" | "runs">) => runEval({ store, runs: 1, ...options });
const scoreOf = (report: EvalReport, id: string) =>
  report.personas.find((p) => p.id === id)?.runs[0] as RunScore;

describe("eval, scripted (no keys)", () => {
  let right: EvalReport;

  beforeAll(async () => {
    right = await evaluate({ personas });
  }, 300_000);

  it("scores every shipped persona by what its lines reveal", () => {
    expect(right.mode).toBe("scripted");
    for (const p of personas) {
      const score = scoreOf(right, p.id);
      expect(score.invariantHeld, p.id).toBe(true);
      expect(
        [score.toolErrors, score.repeatedQuestions, score.staleModelCalls, score.hiddenTraitCalls],
        p.id,
      ).toEqual([0, 0, 0, 0]);
      expect(score.completed, p.id).toBe(p.expectCompletion);
      if (p.expectCompletion) {
        expect(score.overall, p.id).toBe(1);
        expect(score.turnsToCompletion, p.id).toBe(p.turns.length);
      }
    }
    // Without a salary there is nothing to complete with, and nothing may be invented.
    const noSalary = scoreOf(right, "no-salary");
    expect([noSalary.fields.precision, noSalary.fields.recall]).toEqual([1, 1]);
    // Leaving after three answers: visa and the stages were never said.
    const early = scoreOf(right, "ends-early");
    expect(early.fields.misses).toEqual(["visaSponsorship: missing (truth false)"]);
    expect([early.stages.recall, early.turnsToCompletion]).toEqual([0, null]);
    expect(right.overall.completionAsExpected).toBe(1);
  });

  it("keeps the recruiter's hand edit over the figure said earlier", () => {
    expect(scoreOf(right, "hand-editor").fields.misses).toEqual([]);
  });

  it("scores a model that mishears the salary, drops a trait and skips nuances lower, by the expected amounts", async () => {
    const ids = ["terse-backend", "hourly-nurse", "berlin-eur"];
    const wrong = await evaluate({
      personas: ids.map(persona),
      flaws: { mishearSalary: true, dropLastTrait: true, skipNuances: true },
    });
    for (const id of ids) {
      const { truth } = persona(id);
      const good = scoreOf(right, id);
      const bad = scoreOf(wrong, id);
      const fields = good.fields.tp;
      const traits = truth.traits.length;
      expect(bad.fields.misses.map((miss) => miss.split(":")[0])).toEqual(["salaryMin", "salaryMax"]);
      expect([bad.fields.tp, bad.fields.fp, bad.fields.fn]).toEqual([fields - 2, 2, 2]);
      expect([bad.traits.tp, bad.traits.recall]).toEqual([traits - 1, (traits - 1) / traits]);
      expect([bad.nuances.tp, bad.nuances.recall]).toEqual([0, 0]);
      const fieldF1 = (fields - 2) / fields;
      const traitF1 = (2 * (traits - 1)) / (2 * traits - 1);
      expect(bad.overall).toBeCloseTo((fieldF1 + traitF1 + 1 + 0) / 4, 10);
      expect(good.overall - bad.overall).toBeGreaterThan(0.3);
    }
    expect(wrong.overall.overall).toBeLessThan(right.overall.overall);
  }, 300_000);

  it("shows what the §4 fixes change: stale instructions after tool calls, and traits past the old cap of 12", async () => {
    // agents-js's own behaviour: the reply after a turn's tool calls sees the turn's old prompt.
    const stale = await evaluate({ personas: [persona("terse-backend")], refreshWithinTurn: false });
    const before = scoreOf(stale, "terse-backend");
    const toolTurns = persona("terse-backend").turns.length;
    expect(before.staleModelCalls).toBe(toolTurns);
    expect(before.repeatedQuestions).toBeGreaterThan(0);
    expect(scoreOf(right, "terse-backend").repeatedQuestions).toBe(0);

    // The old prompt showed the model the first 12 traits only.
    const firstTwelve = (profile: Parameters<typeof buildSystemPrompt>[0]) =>
      buildSystemPrompt({ ...profile, traits: profile.traits.slice(0, 12) });
    const capped = await evaluate({ personas: [persona("executive-search")], instructionsFor: firstTwelve });
    const hidden = scoreOf(capped, "executive-search");
    expect(hidden.staleModelCalls).toBe(0);
    expect(hidden.hiddenTraitCalls).toBeGreaterThan(0);
    expect(scoreOf(right, "executive-search").hiddenTraitCalls).toBe(0);
  }, 300_000);
});

/** The numbered items of a judge request, e.g. "0. Team Building" -> "Team Building". */
const numberedItems = (text: string) =>
  text
    .split("\n")
    .filter((line) => /^\d+\. /.test(line))
    .map((line) => line.replace(/^\d+\. /, ""));

describe("eval with a model (keys)", () => {
  it("role-plays the recruiter from the hidden facts and lets the judge match items and count repeats", async () => {
    const tasha = persona("remote-hybrid");
    // A stand-in for the role-play and judge models on an OpenAI-compatible endpoint: it answers
    // the recruiter's lines in order, matches identical names and reports one repeated question.
    const endpoint = await startChatEndpoint((messages) => {
      const system = messages[0]?.content ?? "";
      if (system.startsWith("You are Tasha")) {
        const said = messages.filter((message) => message.role === "assistant").length;
        return tasha.turns[said]?.say ?? "[END]";
      }
      if (system.includes("Match the")) {
        const [truth = "", captured = ""] = (messages[1]?.content ?? "").split("\n\nCaptured:\n");
        const wanted = numberedItems(truth);
        const got = numberedItems(captured);
        return JSON.stringify({
          matches: wanted.flatMap((item, i) => (got.includes(item) ? [[i, got.indexOf(item)]] : [])),
        });
      }
      return JSON.stringify({ repeated: [{ question: "Where will this person work?" }] });
    });
    const model = await startStandInModel([], { reply: scriptedModel(tasha) });
    try {
      const side = { baseURL: endpoint.baseURL, apiKey: "test-key" };
      const report = await runEval({
        store,
        runs: 1,
        personas: [tasha],
        live: {
          model: { baseURL: model.baseURL, apiKey: "test-key", model: model.model },
          recruiter: { ...side, model: "recruiter-model" },
          judge: { ...side, model: "judge-model" },
          maxToolSteps: 10,
        },
      });
      expect([report.mode, report.model, report.methods]).toEqual([
        "model",
        "stand-in-model",
        { items: "judge", repeatedQuestions: "judge" },
      ]);
      const score = scoreOf(report, "remote-hybrid");
      expect([score.overall, score.completed, score.repeatedQuestions]).toEqual([1, true, 1]);
      const rolePlay = endpoint.requests.filter((request) => request.model === "recruiter-model");
      expect(rolePlay).toHaveLength(tasha.turns.length);
      // The hidden facts and style are in the brief; the agent's lines are the role-player's "user" turns.
      expect(rolePlay[0]?.messages[0]?.content).toContain(tasha.style);
      expect(rolePlay[0]?.messages[0]?.content).toContain('"workplaceType":"hybrid"');
      expect(rolePlay[1]?.messages.map((message) => message.role)).toEqual([
        "system",
        "user",
        "assistant",
        "user",
      ]);
      expect(endpoint.requests.filter((request) => request.model === "judge-model")).toHaveLength(4);
    } finally {
      await model.close();
      await endpoint.close();
    }
  }, 120_000);
});
