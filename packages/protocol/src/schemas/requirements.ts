import * as z from "zod/mini";
import { PAY_INTERVALS, WORKPLACE_TYPES } from "../vocabulary.js";
import { matching, text } from "./text.js";

export const WorkplaceType = z.enum(WORKPLACE_TYPES);
export type WorkplaceType = z.infer<typeof WorkplaceType>;

export const PayInterval = z.enum(PAY_INTERVALS);
export type PayInterval = z.infer<typeof PayInterval>;

/** ISO 4217 alphabetic code, e.g. USD, EUR, GBP. */
export const CurrencyCode = matching(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD, EUR or GBP");

const amount = z.number().check(z.gte(0), z.lte(100_000_000));
const years = z.int().check(z.gte(0), z.lte(60));

export const Compensation = z
  .object({
    min: z.optional(amount),
    max: z.optional(amount),
    currency: z._default(CurrencyCode, "USD"),
    interval: z._default(PayInterval, "year"),
  })
  .check(
    z.refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: "min must not exceed max",
      path: ["min"],
    }),
  );
export type Compensation = z.infer<typeof Compensation>;

export const Requirements = z
  .object({
    jobTitle: z.optional(text(200)),
    workplaceType: z.optional(WorkplaceType),
    locationCity: z.optional(text(200)),
    /** Hybrid roles only. */
    onsiteDaysPerWeek: z.optional(z.int().check(z.gte(1), z.lte(7))),
    visaSponsorship: z.optional(z.boolean()),
    experienceMinYears: z.optional(years),
    experienceMaxYears: z.optional(years),
    compensation: z.optional(Compensation),
    equityOffered: z.optional(z.boolean()),
    equityRange: z.optional(text(100)),
  })
  .check(
    z.refine(
      (r) =>
        r.experienceMinYears === undefined ||
        r.experienceMaxYears === undefined ||
        r.experienceMinYears <= r.experienceMaxYears,
      { message: "experienceMinYears must not exceed experienceMaxYears", path: ["experienceMinYears"] },
    ),
    z.refine((r) => r.workplaceType !== "remote" || r.locationCity === undefined, {
      message: "a remote role has no city",
      path: ["locationCity"],
    }),
    z.refine((r) => r.onsiteDaysPerWeek === undefined || r.workplaceType === "hybrid", {
      message: "onsite days per week are for hybrid roles only",
      path: ["onsiteDaysPerWeek"],
    }),
    z.refine((r) => r.equityOffered !== false || r.equityRange === undefined, {
      message: "an equity range needs equity offered",
      path: ["equityRange"],
    }),
  );
export type Requirements = z.infer<typeof Requirements>;

export { normalizeRequirements } from "../requirements-rules.js";
