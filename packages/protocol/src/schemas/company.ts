import * as z from "zod/mini";
import { FUNDING_STAGES } from "../vocabulary.js";
import { text, textList } from "./text.js";

export const FundingStage = z.enum(FUNDING_STAGES);
export type FundingStage = z.infer<typeof FundingStage>;

/** Company intelligence from web research. Untrusted text: the agent fences it in the prompt. */
export const CompanyIntel = z.object({
  name: text(200),
  tagline: z.optional(text(300)),
  fundingStage: z.optional(FundingStage),
  totalRaised: z.optional(text(100)),
  investors: z.optional(textList(30)),
  productDescription: z.optional(text(1000)),
  problemSolved: z.optional(text(1000)),
  teamSize: z.optional(text(50)),
  headquarters: z.optional(text(200)),
  officeLocations: z.optional(textList(30)),
  techStackHints: z.optional(textList(50)),
  competitors: z.optional(textList(30)),
  cultureKeywords: z.optional(textList(30)),
  recentNews: z.optional(textList(20)),
  interestingFacts: z.optional(textList(20)),
  sellingPoints: z.optional(textList(20)),
});
export type CompanyIntel = z.infer<typeof CompanyIntel>;

export const Recruiter = z.object({
  firstName: text(100),
  lastName: z.optional(text(100)),
  email: z.optional(text(320)),
});
export type Recruiter = z.infer<typeof Recruiter>;
