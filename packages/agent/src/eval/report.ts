import * as z from "zod/mini";
import type { RunScore } from "./score.js";

const rate = z.number().check(z.gte(0), z.lte(1));
const count = z.number().check(z.gte(0));

/** Means over runs (per persona) or over personas (overall). Rates are 0–1. */
export const Summary = z.object({
  overall: rate,
  fieldAccuracy: rate,
  fieldPrecision: rate,
  fieldRecall: rate,
  traitPrecision: rate,
  traitRecall: rate,
  stagePrecision: rate,
  stageRecall: rate,
  nuancePrecision: rate,
  nuanceRecall: rate,
  turns: count,
  completionRate: rate,
  /** Share of runs that completed exactly when the persona should (not when they withheld or left). */
  completionAsExpected: rate,
  /** Mean over the runs that completed; null when none did. */
  turnsToCompletion: z.nullable(count),
  toolErrors: count,
  repeatedQuestions: count,
  staleModelCalls: count,
  hiddenTraitCalls: count,
  invariantHeld: rate,
});
export type Summary = z.infer<typeof Summary>;

export const REPORT_VERSION = 1;

/** What `eval --out` writes and `eval --compare` reads back (validated: a report is an input). */
export const EvalReport = z.object({
  version: z.literal(REPORT_VERSION),
  createdAt: z.string(),
  /** `scripted`: the keyless stand-in model and scripted recruiters; `model`: a real model and role-play. */
  mode: z.enum(["scripted", "model"]),
  model: z.string(),
  methods: z.object({
    items: z.enum(["judge", "names"]),
    repeatedQuestions: z.enum(["judge", "keywords"]),
  }),
  runsPerPersona: z.int().check(z.gte(1)),
  personas: z.array(
    z.object({
      id: z.string(),
      summary: Summary,
      runs: z.array(z.unknown()),
      /** What went wrong in the runs (wrong fields, missing and extra items), deduplicated. */
      misses: z.array(z.string()),
    }),
  ),
  overall: Summary,
});
export type EvalReport = z.infer<typeof EvalReport>;

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export function summarizeRuns(runs: readonly RunScore[]): Summary {
  const of = (pick: (run: RunScore) => number) => mean(runs.map(pick));
  const completed = runs.flatMap((run) => (run.turnsToCompletion === null ? [] : [run.turnsToCompletion]));
  return {
    overall: of((r) => r.overall),
    fieldAccuracy: of((r) => r.fields.accuracy),
    fieldPrecision: of((r) => r.fields.precision),
    fieldRecall: of((r) => r.fields.recall),
    traitPrecision: of((r) => r.traits.precision),
    traitRecall: of((r) => r.traits.recall),
    stagePrecision: of((r) => r.stages.precision),
    stageRecall: of((r) => r.stages.recall),
    nuancePrecision: of((r) => r.nuances.precision),
    nuanceRecall: of((r) => r.nuances.recall),
    turns: of((r) => r.turns),
    completionRate: of((r) => Number(r.completed)),
    completionAsExpected: of((r) => Number(r.completed === r.expectedCompletion)),
    turnsToCompletion: completed.length === 0 ? null : mean(completed),
    toolErrors: of((r) => r.toolErrors),
    repeatedQuestions: of((r) => r.repeatedQuestions),
    staleModelCalls: of((r) => r.staleModelCalls),
    hiddenTraitCalls: of((r) => r.hiddenTraitCalls),
    invariantHeld: of((r) => Number(r.invariantHeld)),
  };
}

/** Overall: every persona weighs the same, however many runs it had. */
export function summarizePersonas(summaries: readonly Summary[]): Summary {
  const keys = Object.keys(Summary.shape) as (keyof Summary)[];
  const completing = summaries.flatMap((s) => (s.turnsToCompletion === null ? [] : [s.turnsToCompletion]));
  const entries = keys.map((key) =>
    key === "turnsToCompletion"
      ? [key, completing.length === 0 ? null : mean(completing)]
      : [key, mean(summaries.map((s) => s[key] as number))],
  );
  return Object.fromEntries(entries) as Summary;
}

export function missesOf(runs: readonly RunScore[]): string[] {
  const all = runs.flatMap((run) => [
    ...run.fields.misses.map((miss) => `field ${miss}`),
    ...run.traits.misses.map((miss) => `trait ${miss}`),
    ...run.stages.misses.map((miss) => `stage ${miss}`),
    ...run.nuances.misses.map((miss) => `nuance ${miss}`),
  ]);
  return [...new Set(all)];
}
