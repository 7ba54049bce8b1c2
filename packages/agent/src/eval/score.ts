import type { ItemKind, ItemMatcher } from "./match-items.js";
import type { GroundTruth, Persona } from "./persona.js";
import { fieldsAskedAbout } from "./questions.js";
import type { SessionRun } from "./run-session.js";
import { f1, scoreFields, type Tally, tally } from "./score-fields.js";

export interface RunScore {
  fields: Tally & { accuracy: number };
  traits: Tally;
  stages: Tally;
  nuances: Tally;
  /** Mean F1 of fields, traits, stages and nuances: one number to rank runs by. */
  overall: number;
  turns: number;
  completed: boolean;
  expectedCompletion: boolean;
  /** Recruiter lines until completion; null when it was not reached. */
  turnsToCompletion: number | null;
  toolErrors: number;
  repeatedQuestions: number;
  modelCalls: number;
  staleModelCalls: number;
  hiddenTraitCalls: number;
  invariantHeld: boolean;
}

export interface Scorers {
  match: ItemMatcher;
  /** Counts questions repeated after an answer; the keyword count when absent. */
  repeatedQuestions?: (run: SessionRun) => Promise<number>;
}

type Captured = Pick<SessionRun["profile"], "traits" | "stages" | "nuances">;

const ITEMS: readonly {
  key: "traits" | "stages" | "nuances";
  kind: ItemKind;
  truth(t: GroundTruth): string[];
  captured(p: Captured): string[];
}[] = [
  {
    key: "traits",
    kind: "traits",
    truth: (t) => t.traits.map((i) => i.name),
    captured: (p) => p.traits.map((i) => i.name),
  },
  {
    key: "stages",
    kind: "interview stages",
    truth: (t) => t.stages.map((i) => i.name),
    captured: (p) => p.stages.map((i) => i.name),
  },
  {
    key: "nuances",
    kind: "nuances",
    truth: (t) => t.nuances.map((i) => `${i.category}: ${i.insight}`),
    captured: (p) => p.nuances.map((i) => `${i.category}: ${i.insight}`),
  },
];

async function scoreItems(match: ItemMatcher, kind: ItemKind, truth: string[], captured: string[]) {
  const pairs = await match(kind, truth, captured);
  const matchedTruth = new Set(pairs.map(([t]) => t));
  const matchedCaptured = new Set(pairs.map(([, c]) => c));
  const misses = [
    ...truth.filter((_, i) => !matchedTruth.has(i)).map((item) => `missing: ${item}`),
    ...captured.filter((_, i) => !matchedCaptured.has(i)).map((item) => `extra: ${item}`),
  ];
  return tally(pairs.length, captured.length - pairs.length, truth.length - pairs.length, misses);
}

/**
 * Keyless count: an agent question about a required field (by keywords) that was already filled
 * when it was asked. It cannot tell a confirmation that uses the same words from a repeat, and
 * ignores traits; the judge reads the whole transcript instead.
 */
export function repeatedQuestionsByKeywords(run: SessionRun): number {
  return run.transcript
    .filter((entry) => entry.role === "assistant" && entry.turn >= 0)
    .reduce((count, entry) => {
      const filled = run.filledAfterTurn[entry.turn] ?? [];
      return count + fieldsAskedAbout(entry.text).filter((field) => filled.includes(field)).length;
    }, 0);
}

export async function scoreRun(persona: Persona, run: SessionRun, scorers: Scorers): Promise<RunScore> {
  const fields = scoreFields(run.profile.requirements, persona.truth.requirements);
  const [traits, stages, nuances] = await Promise.all(
    ITEMS.map((item) =>
      scoreItems(scorers.match, item.kind, item.truth(persona.truth), item.captured(run.profile)),
    ),
  );
  if (traits === undefined || stages === undefined || nuances === undefined) throw new Error("unreachable");
  return {
    fields,
    traits,
    stages,
    nuances,
    overall: (f1(fields) + f1(traits) + f1(stages) + f1(nuances)) / 4,
    turns: run.turnsPlayed,
    completed: run.profile.status === "completed",
    expectedCompletion: persona.expectCompletion,
    turnsToCompletion: run.completedAfterTurns,
    toolErrors: run.toolResults.filter((result) => result.isError).length,
    repeatedQuestions: await (scorers.repeatedQuestions ?? (async (r) => repeatedQuestionsByKeywords(r)))(
      run,
    ),
    modelCalls: run.context.modelCalls,
    staleModelCalls: run.context.staleCalls,
    hiddenTraitCalls: run.context.hiddenTraitCalls,
    invariantHeld: run.invariantHeld,
  };
}
