import {
  describeIssue,
  EditCommand,
  InterviewStage,
  Nuance,
  Requirements,
  Trait,
} from "@voice-onboarding/protocol";
import * as z from "zod/mini";
import { formatPath, InvalidAtPath, ReplayScript } from "../replay/script.js";

/** Ground-truth items are the protocol's, without what the agent assigns (ids, stage order). */
export const TruthTrait = z.omit(Trait, { id: true });
export type TruthTrait = z.infer<typeof TruthTrait>;
export const TruthStage = z.omit(InterviewStage, { id: true, order: true });
export type TruthStage = z.infer<typeof TruthStage>;
export const TruthNuance = z.omit(Nuance, { id: true });
export type TruthNuance = z.infer<typeof TruthNuance>;

/** The hidden facts of the role: what a perfect intake would store. */
export const GroundTruth = z.object({
  requirements: Requirements,
  traits: z.array(TruthTrait).check(z.minLength(1)),
  /** In interview order. */
  stages: z.array(TruthStage).check(z.minLength(1)),
  nuances: z.array(TruthNuance),
});
export type GroundTruth = z.infer<typeof GroundTruth>;

const RequirementKey = z.keyof(Requirements);
export type RequirementKey = z.infer<typeof RequirementKey>;

/**
 * What one scripted recruiter line tells (keyless runs only): the scripted model records exactly
 * this, so the scores of a run without keys are known in advance.
 */
export const Reveal = z.object({
  /** Requirements stated in this line, with their ground-truth values. */
  requirements: z._default(z.array(RequirementKey), []),
  /** Requirements stated with a value a later line corrects ("one-fifty", then "make that 170"). */
  said: z.optional(Requirements),
  /** Ground-truth trait and stage names, nuance indexes. */
  traits: z._default(z.array(z.string()), []),
  stages: z._default(z.array(z.string()), []),
  nuances: z._default(z.array(z.int().check(z.gte(0))), []),
  /** The recruiter approves the summary: a model may complete the onboarding now. */
  confirms: z._default(z.boolean(), false),
});
export type Reveal = z.infer<typeof Reveal>;

export const PersonaTurn = z.object({
  say: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  reveals: z._default(Reveal, { requirements: [], traits: [], stages: [], nuances: [], confirms: false }),
});
export type PersonaTurn = z.infer<typeof PersonaTurn>;

// The requirements edit of the widget's EditCommand union (its first option, checked at load).
const RequirementsEdit = EditCommand.def.options[0];
if (RequirementsEdit.shape.type.def.values[0] !== "requirements.update") {
  throw new Error("expected EditCommand's first option to be requirements.update");
}

/** A card the recruiter edits by hand (in the widget) before saying line `beforeTurn`. */
export const PersonaEdit = z.object({
  beforeTurn: z.int().check(z.gte(0)),
  requirements: RequirementsEdit.shape.data.shape.requirements,
});
export type PersonaEdit = z.infer<typeof PersonaEdit>;

export const Persona = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "expected a lowercase slug like terse-backend")),
  summary: z.string().check(z.minLength(1), z.maxLength(500)),
  /** How this recruiter talks, for the model that role-plays them. */
  style: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** What this recruiter does in the conversation (corrections, refusals, leaving early). */
  behaviour: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(500))), []),
  /** Recruiter, company research and what the job description already gave (as in a replay script). */
  session: ReplayScript.shape.session,
  truth: GroundTruth,
  /** Whether a good intake reaches completion with this recruiter (no when they withhold or leave). */
  expectCompletion: z._default(z.boolean(), true),
  /** Recruiter lines at most, with a role-playing model. */
  maxTurns: z._default(z.int().check(z.gte(1), z.lte(60)), 30),
  edits: z._default(z.array(PersonaEdit), []),
  /** The recruiter's lines when no model role-plays them (keyless runs, CI). */
  turns: z.array(PersonaTurn).check(z.minLength(1), z.maxLength(60)),
});
export type Persona = z.infer<typeof Persona>;

/** The persona file is not valid; `path` is where the first problem is, e.g. `turns[2].reveals.traits[0]`. */
export class PersonaError extends InvalidAtPath {
  override readonly name = "PersonaError";
}

/** Validates a parsed persona file, including that its lines only reveal facts of its ground truth. */
export function parsePersona(input: unknown): Persona {
  const result = Persona.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PersonaError(formatPath(issue?.path ?? []), issue ? describeIssue(issue) : "invalid persona");
  }
  checkReferences(result.data);
  return result.data;
}

function checkReferences(persona: Persona): void {
  const { truth } = persona;
  const fail = (path: PropertyKey[], problem: string) => {
    throw new PersonaError(formatPath(path), problem);
  };
  const traitNames = new Set(truth.traits.map((trait) => trait.name));
  const stageNames = new Set(truth.stages.map((stage) => stage.name));
  persona.turns.forEach(({ reveals }, turn) => {
    const at = (...rest: PropertyKey[]) => ["turns", turn, "reveals", ...rest];
    reveals.requirements.forEach((key, index) => {
      if (truth.requirements[key] === undefined) {
        fail(at("requirements", index), `"${key}" is not in truth.requirements`);
      }
    });
    reveals.traits.forEach((name, index) => {
      if (!traitNames.has(name)) fail(at("traits", index), `no trait "${name}" in truth.traits`);
    });
    reveals.stages.forEach((name, index) => {
      if (!stageNames.has(name)) fail(at("stages", index), `no stage "${name}" in truth.stages`);
    });
    reveals.nuances.forEach((nuance, index) => {
      if (nuance >= truth.nuances.length) {
        fail(at("nuances", index), `truth.nuances has ${truth.nuances.length} entries`);
      }
    });
  });
  persona.edits.forEach((edit, index) => {
    if (edit.beforeTurn >= persona.turns.length) {
      fail(["edits", index, "beforeTurn"], `the persona has ${persona.turns.length} turns`);
    }
  });
}
