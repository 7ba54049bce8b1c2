import {
  type CompanyIntel,
  formatIssue,
  type InterviewStage,
  JobProfile,
  type Nuance,
  type Recruiter,
  type Requirements,
  type Trait,
} from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import { InvalidSessionInputError } from "./errors.js";

type WithOptional<T, Keys extends keyof T> = Omit<T, Keys> & Partial<Pick<T, Keys>>;

/** What the session service knows before the conversation: research, extracted job data, recruiter. */
export interface CreateSessionInput {
  sessionId?: string;
  recruiter: z.input<typeof Recruiter>;
  company?: z.input<typeof CompanyIntel>;
  requirements?: z.input<typeof Requirements>;
  traits?: WithOptional<Trait, "id" | "priority" | "signals">[];
  /** In interview order; orders are assigned from the position. */
  stages?: WithOptional<Omit<InterviewStage, "order">, "id" | "actions">[];
  nuances?: WithOptional<Nuance, "id">[];
}

/** Builds and validates the version-0 profile; throws `InvalidSessionInputError` naming the first problem. */
export function profileFromInput(input: CreateSessionInput, newId: () => string): JobProfile {
  const candidate = {
    sessionId: input.sessionId ?? newId(),
    recruiter: input.recruiter,
    company: input.company,
    requirements: input.requirements ?? {},
    traits: (input.traits ?? []).map((trait) => ({
      priority: "must_have",
      signals: [],
      ...trait,
      id: trait.id ?? newId(),
    })),
    stages: (input.stages ?? []).map((stage, index) => ({
      actions: [],
      ...stage,
      id: stage.id ?? newId(),
      order: index + 1,
    })),
    nuances: (input.nuances ?? []).map((nuance) => ({ ...nuance, id: nuance.id ?? newId() })),
    confirmedFields: [],
    status: "in_progress",
    version: 0,
  };
  const parsed = JobProfile.safeParse(candidate);
  if (!parsed.success) {
    throw new InvalidSessionInputError(
      `invalid session input: ${formatIssue(parsed.error.issues[0]).message}`,
    );
  }
  return parsed.data;
}
