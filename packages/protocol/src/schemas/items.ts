import * as z from "zod/mini";
import { NUANCE_CATEGORIES, TRAIT_PRIORITIES } from "../vocabulary.js";
import { Id, text, textList } from "./text.js";

export const TraitPriority = z.enum(TRAIT_PRIORITIES);
export type TraitPriority = z.infer<typeof TraitPriority>;

export const Trait = z.object({
  id: Id,
  name: text(120),
  description: text(1000),
  priority: TraitPriority,
  signals: textList(20),
});
export type Trait = z.infer<typeof Trait>;

export const InterviewStage = z.object({
  id: Id,
  name: text(120),
  description: text(1000),
  /** 1-based position; the stages of a profile are always numbered 1..n. */
  order: z.int().check(z.gte(1), z.lte(50)),
  durationMinutes: z.optional(z.int().check(z.gte(1), z.lte(600))),
  interviewerRole: z.optional(text(120)),
  actions: textList(20),
});
export type InterviewStage = z.infer<typeof InterviewStage>;

export const NuanceCategory = z.enum(NUANCE_CATEGORIES);
export type NuanceCategory = z.infer<typeof NuanceCategory>;

export const Nuance = z.object({
  id: Id,
  category: NuanceCategory,
  insight: text(1000),
  verbatimQuote: z.optional(text(1000)),
});
export type Nuance = z.infer<typeof Nuance>;
