import { describe, expect, it } from "vitest";
import { hasModelKeys, loadEvalModels } from "./eval-config.js";
import { matchByNames } from "./match-items.js";
import { fieldsAskedAbout, nextQuestion } from "./questions.js";
import { type EvalReport, summarizePersonas, summarizeRuns } from "./report.js";
import type { RunScore } from "./score.js";
import { scoreFields, tally } from "./score-fields.js";
import { formatComparison, formatReport } from "./table.js";

describe("scoreFields", () => {
  const truth = {
    jobTitle: "Senior Backend Engineer",
    workplaceType: "hybrid" as const,
    locationCity: "San Francisco",
    experienceMinYears: 5,
    compensation: { min: 75, max: 90, currency: "USD", interval: "hour" as const },
    equityOffered: true,
    equityRange: "0.1-0.25%",
  };

  it("compares after normalisation: titles, cities, money per year, equity by its numbers", () => {
    const stored = {
      jobTitle: "Sr. backend engineer",
      workplaceType: "hybrid" as const,
      locationCity: "San Francisco, CA",
      experienceMinYears: 5,
      compensation: { min: 156_000, max: 187_200, currency: "USD", interval: "year" as const },
      equityOffered: true,
      equityRange: "0.10% to 0.25%",
    };
    const score = scoreFields(stored, truth);
    expect(score.misses).toEqual(['payInterval: "year" (truth "hour")']);
    expect([score.tp, score.fp, score.fn, score.accuracy]).toEqual([9, 1, 1, 0.9]);
  });

  it("counts a wrong value twice, a missing one as missed and an invented one as extra", () => {
    const stored = {
      ...truth,
      compensation: { ...truth.compensation, currency: "EUR" },
      experienceMinYears: undefined,
      visaSponsorship: true,
    };
    const score = scoreFields(stored, truth);
    expect(score.misses).toEqual([
      "visaSponsorship: true (not in the truth)",
      "experienceMinYears: missing (truth 5)",
      "salaryMin: 75 (truth 75)",
      "salaryMax: 90 (truth 90)",
      'currency: "EUR" (truth "USD")',
    ]);
    expect([score.tp, score.fp, score.fn]).toEqual([6, 4, 4]);
    expect(score.precision).toBeCloseTo(0.6);
    expect(score.recall).toBeCloseTo(0.6);
  });
});

describe("matchByNames", () => {
  it("pairs normalised names one-to-one and leaves renamed items unmatched", async () => {
    const truth = ["Distributed Systems", "Database Performance", "Team Building"];
    const captured = ["distributed system", "Postgres tuning", "Team spirit", "team-building"];
    expect(await matchByNames("traits", truth, captured)).toEqual([
      [0, 0],
      [2, 3],
    ]);
  });
});

describe("questions", () => {
  it("asks about the first gap the prompt lists and recognises its own questions", () => {
    const prompt = "...\nRequired fields missing: compensation, visa\n- compensation: ...";
    expect(nextQuestion(prompt)).toBe("What's the pay range for the role?");
    expect(nextQuestion("Nothing: every required field is filled.")).toMatch(/anything to adjust/i);
    expect(fieldsAskedAbout("Got it. What's the pay range for the role?")).toEqual(["compensation"]);
    expect(fieldsAskedAbout("The pay is set. Where will this person work: onsite or remote?")).toEqual([
      "location",
    ]);
    expect(fieldsAskedAbout("Thanks, the visa answer is noted.")).toEqual([]);
  });
});

function runScore(overrides: Partial<RunScore> = {}): RunScore {
  const perfect = { ...tally(3, 0, 0), accuracy: 1 };
  return {
    fields: perfect,
    traits: tally(2, 0, 0),
    stages: tally(2, 0, 0),
    nuances: tally(1, 0, 0),
    overall: 1,
    turns: 6,
    completed: true,
    expectedCompletion: true,
    turnsToCompletion: 6,
    toolErrors: 0,
    repeatedQuestions: 0,
    modelCalls: 12,
    staleModelCalls: 0,
    hiddenTraitCalls: 0,
    invariantHeld: true,
    ...overrides,
  };
}

function report(model: string, runs: RunScore[]): EvalReport {
  const summary = summarizeRuns(runs);
  return {
    version: 1,
    createdAt: "2026-11-30T12:00:00.000Z",
    mode: "scripted",
    model,
    methods: { items: "names", repeatedQuestions: "keywords" },
    runsPerPersona: runs.length,
    personas: [{ id: "terse-backend", summary, runs, misses: [] }],
    overall: summarizePersonas([summary]),
  };
}

describe("report tables", () => {
  const good = report("model-a", [
    runScore(),
    runScore({ overall: 0.5, completed: false, turnsToCompletion: null }),
  ]);
  const worse = report("model-b", [runScore({ overall: 0.25, repeatedQuestions: 2 })]);

  it("prints one row per persona and the overall row, means over runs", () => {
    const table = formatReport(good);
    expect(table).toContain("scripted run of model-a, 2 run(s) per persona");
    const row = table.split("\n").find((line) => line.startsWith("terse-backend"));
    expect(row?.split(/\s{2,}/)).toEqual([
      "terse-backend",
      "75%",
      "100%",
      "1.00/1.00",
      "1.00/1.00",
      "1.00/1.00",
      "1.00/1.00",
      "6",
      "6",
      "50%",
      "50%",
      "0",
      "0",
      "0",
      "0",
      "100%",
    ]);
    expect(table).toMatch(/\noverall {2}/);
  });

  it("compares two reports and says which way each change goes", () => {
    const table = formatComparison(good, worse);
    const row = table.split("\n").find((line) => line.startsWith("terse-backend")) ?? "";
    expect(row).toContain("75% -> 25% (-50% worse)");
    expect(row).toContain("0 -> 2 (+2 worse)");
    expect(row).toContain("50% -> 100% (+50% better)");
  });
});

describe("eval models from the environment", () => {
  it("measures a model only with keys or a non-OpenRouter endpoint, as the worker reads them", () => {
    expect(hasModelKeys({})).toBe(false);
    expect(hasModelKeys({ LLM_BASE_URL: "https://openrouter.ai/api/v1" })).toBe(false);
    expect(hasModelKeys({ OPENROUTER_API_KEY: "k" })).toBe(true);
    expect(hasModelKeys({ LLM_BASE_URL: "http://127.0.0.1:11434/v1" })).toBe(true);
    const models = loadEvalModels({
      LLM_BASE_URL: "http://127.0.0.1:11434/v1",
      LLM_MODEL: "llama3.1",
      EVAL_JUDGE_MODEL: "qwen2.5",
    });
    expect([models.model.model, models.recruiter.model, models.judge.model]).toEqual([
      "llama3.1",
      "llama3.1",
      "qwen2.5",
    ]);
    expect(models.judge.baseURL).toBe("http://127.0.0.1:11434/v1");
    expect(() => loadEvalModels({ LLM_MODEL: "x" })).toThrow(/OPENROUTER_API_KEY/);
  });
});
