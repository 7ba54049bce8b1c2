import type { JobProfile } from "@voice-onboarding/protocol";
import { startStandInModel } from "../replay/stand-in-server.js";
import type { ProfileStore } from "../store/profile-store.js";
import { judgeMatcher, judgeRepeatedQuestions } from "./judge.js";
import { matchByNames } from "./match-items.js";
import type { Persona } from "./persona.js";
import { scriptedRecruiter } from "./recruiter.js";
import { type EvalReport, missesOf, REPORT_VERSION, summarizePersonas, summarizeRuns } from "./report.js";
import { rolePlayRecruiter } from "./role-play.js";
import { type ModelEndpoint, runSession, type SessionRun } from "./run-session.js";
import { type RunScore, type Scorers, scoreRun } from "./score.js";
import { type ScriptedModelFlaws, scriptedModel } from "./scripted-model.js";

/** With keys: the model under test, the model that role-plays recruiters and the judge. */
export interface LiveModels {
  model: ModelEndpoint;
  recruiter: ModelEndpoint;
  judge: ModelEndpoint;
  maxToolSteps: number;
}

export interface EvalOptions {
  personas: readonly Persona[];
  runs: number;
  store: ProfileStore;
  /** Absent: the keyless run, scripted recruiters and the scripted stand-in model. */
  live?: LiveModels;
  /** Keyless runs only: mistakes for the scripted model to make. */
  flaws?: ScriptedModelFlaws;
  refreshWithinTurn?: boolean;
  instructionsFor?: (profile: JobProfile) => string;
  /** After each scored run (progress output). */
  onRun?(personaId: string, run: number, score: RunScore): void;
}

/** Plays every persona `runs` times through the real agent and scores each run against its ground truth. */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const { live } = options;
  const scorers: Scorers = live
    ? {
        match: judgeMatcher(live.judge),
        repeatedQuestions: (run) => judgeRepeatedQuestions(live.judge, run.transcript),
      }
    : { match: matchByNames };
  const personas = [];
  for (const persona of options.personas) {
    const runs: RunScore[] = [];
    for (let index = 0; index < options.runs; index++) {
      const run = await playPersona(persona, index, options);
      const score = await scoreRun(persona, run, scorers);
      options.onRun?.(persona.id, index, score);
      runs.push(score);
    }
    personas.push({ id: persona.id, summary: summarizeRuns(runs), runs, misses: missesOf(runs) });
  }
  return {
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    mode: live ? "model" : "scripted",
    model: live ? live.model.model : "scripted stand-in",
    methods: live
      ? { items: "judge", repeatedQuestions: "judge" }
      : { items: "names", repeatedQuestions: "keywords" },
    runsPerPersona: options.runs,
    personas,
    overall: summarizePersonas(personas.map((p) => p.summary)),
  };
}

async function playPersona(persona: Persona, index: number, options: EvalOptions): Promise<SessionRun> {
  const sessionId = `eval-${persona.id}-${index}-${crypto.randomUUID().slice(0, 8)}`;
  const common = {
    store: options.store,
    sessionId,
    refreshWithinTurn: options.refreshWithinTurn,
    instructionsFor: options.instructionsFor,
  };
  if (options.live) {
    return runSession(persona, {
      ...common,
      model: options.live.model,
      recruiter: rolePlayRecruiter(persona, options.live.recruiter),
      maxToolSteps: options.live.maxToolSteps,
    });
  }
  const stand = await startStandInModel([], { reply: scriptedModel(persona, options.flaws) });
  try {
    return await runSession(persona, {
      ...common,
      model: { baseURL: stand.baseURL, apiKey: "stand-in", model: stand.model },
      recruiter: scriptedRecruiter(persona),
    });
  } finally {
    await stand.close();
  }
}
