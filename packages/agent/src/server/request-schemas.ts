import {
  CompanyIntel,
  InterviewStage,
  Nuance,
  Recruiter,
  Requirements,
  Trait,
} from "@voice-onboarding/protocol";
import * as z from "zod/mini";

// Strict objects: a field we do not take (a session id, a room, an identity) is an error, not ignored.
const TraitInput = z.strictObject(
  z.partial(z.omit(Trait, { id: true }), { priority: true, signals: true }).shape,
);
const StageInput = z.strictObject(
  z.partial(z.omit(InterviewStage, { id: true, order: true }), { actions: true }).shape,
);
const NuanceInput = z.strictObject(z.omit(Nuance, { id: true }).shape);

/** `POST /v1/sessions`: what the vendor's backend knows before the conversation. */
export const CreateSessionBody = z.strictObject({
  recruiter: Recruiter,
  company: z.optional(CompanyIntel),
  /** Data extracted from a job description. Stages are listed in interview order. */
  profile: z.optional(
    z.strictObject({
      requirements: z.optional(Requirements),
      traits: z.optional(z.array(TraitInput)),
      stages: z.optional(z.array(StageInput)),
      nuances: z.optional(z.array(NuanceInput)),
    }),
  ),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

/** `POST /v1/sessions/{id}/token`: LiveKit clients may send these; none of them is ours to take. */
export const TokenRequestBody = z.strictObject({});
