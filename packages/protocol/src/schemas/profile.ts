import * as z from "zod/mini";
import { MAX_NUANCES, MAX_STAGES, MAX_TRAITS, PROFILE_STATUSES, REQUIRED_FIELDS } from "../vocabulary.js";
import { CompanyIntel, Recruiter } from "./company.js";
import { InterviewStage, Nuance, Trait } from "./items.js";
import { Requirements } from "./requirements.js";
import { Id } from "./text.js";

export const RequiredField = z.enum(REQUIRED_FIELDS);
export type RequiredField = z.infer<typeof RequiredField>;

export const ProfileStatus = z.enum(PROFILE_STATUSES);
export type ProfileStatus = z.infer<typeof ProfileStatus>;

export { MAX_NUANCES, MAX_STAGES, MAX_TRAITS };

export const JobProfile = z
  .object({
    sessionId: Id,
    recruiter: Recruiter,
    company: z.optional(CompanyIntel),
    requirements: Requirements,
    traits: z.array(Trait).check(z.maxLength(MAX_TRAITS)),
    stages: z.array(InterviewStage).check(z.maxLength(MAX_STAGES)),
    nuances: z.array(Nuance).check(z.maxLength(MAX_NUANCES)),
    confirmedFields: z.array(RequiredField),
    status: ProfileStatus,
    /** Number of changes applied since creation; a change message's `seq` is the version it produces. */
    version: z.int().check(z.gte(0)),
  })
  .check(
    z.refine((p) => p.stages.every((stage, index) => stage.order === index + 1), {
      message: "stages must be sorted by order and numbered 1..n",
      path: ["stages"],
    }),
  );
export type JobProfile = z.infer<typeof JobProfile>;
