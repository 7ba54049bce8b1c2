import { llm } from "@livekit/agents";
import {
  Compensation,
  CurrencyCode,
  normalizeRequirements,
  PayInterval,
  Requirements,
  type Requirements as RequirementsData,
  WorkplaceType,
} from "@voice-onboarding/protocol";
import { z } from "zod";
import { ChangeError } from "../service/index.js";
import { given, optional, parseArgs } from "./args.js";
import { nothingToUpdate } from "./names.js";
import { runChange, stillNeeded, type ToolDeps } from "./run.js";

const r = Requirements.shape;
const amount = Compensation.shape.min.def.innerType;

const updateRequirementsParameters = z.object({
  job_title: optional(r.jobTitle.def.innerType, "Job title"),
  location_type: optional(WorkplaceType, "Workplace type"),
  location_city: optional(r.locationCity.def.innerType, "City (needed for onsite and hybrid roles)"),
  onsite_days: optional(r.onsiteDaysPerWeek.def.innerType, "Days per week in the office, for hybrid roles"),
  visa_sponsorship: optional(z.boolean(), "Whether visa sponsorship is available"),
  experience_min: optional(r.experienceMinYears.def.innerType, "Minimum years of experience (0 is allowed)"),
  experience_max: optional(r.experienceMaxYears.def.innerType, "Maximum years of experience"),
  salary_min: optional(amount, "Minimum base pay, in salary_currency per pay_interval"),
  salary_max: optional(amount, "Maximum base pay, in salary_currency per pay_interval"),
  salary_currency: optional(CurrencyCode, "ISO 4217 code such as USD (default), EUR, GBP"),
  pay_interval: optional(PayInterval, "Pay period; default year"),
  equity_offered: optional(z.boolean(), "Whether equity is offered"),
  equity_range: optional(r.equityRange.def.innerType, "Equity range like 0.1-0.25%"),
});
type UpdateRequirementsArgs = z.output<typeof updateRequirementsParameters>;
const PARAMETER_NAMES = Object.keys(updateRequirementsParameters.shape);

function range(name: string, min: number | undefined, max: number | undefined, maxGiven: boolean) {
  if (min === undefined || max === undefined || min <= max) return undefined;
  const stored = maxGiven ? "" : " (already stored)";
  return new ChangeError(
    `${name}_min ${min} is above ${name}_max ${max}${stored}; send both ${name}_min and ${name}_max if the range changed.`,
  );
}

function compensation(args: UpdateRequirementsArgs, current: RequirementsData["compensation"]) {
  const touched = [args.salary_min, args.salary_max, args.salary_currency, args.pay_interval].some(given);
  if (!touched) return current;
  const min = args.salary_min ?? current?.min;
  const max = args.salary_max ?? current?.max;
  if (min === undefined && max === undefined) {
    return new ChangeError("salary_currency and pay_interval need salary_min or salary_max.");
  }
  const invalid = range("salary", min, max, given(args.salary_max));
  if (invalid) return invalid;
  return {
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    currency: args.salary_currency ?? current?.currency ?? "USD",
    interval: args.pay_interval ?? current?.interval ?? "year",
  };
}

/** Merges the given arguments into the stored requirements; `null`/absent leaves a value as it is. */
export function mergeRequirements(current: RequirementsData, args: UpdateRequirementsArgs) {
  if (!PARAMETER_NAMES.some((name) => given(args[name as keyof UpdateRequirementsArgs]))) {
    return nothingToUpdate(PARAMETER_NAMES);
  }
  if (args.equity_offered === false && given(args.equity_range)) {
    return new ChangeError("equity_range was given with equity_offered false; send one or the other.");
  }
  if (args.location_type === "remote" && given(args.onsite_days) && args.onsite_days > 0) {
    return new ChangeError("A remote role has no onsite days; leave onsite_days out or use hybrid.");
  }
  if (args.location_type === "remote" && given(args.location_city)) {
    return new ChangeError("A remote role has no city; leave location_city out or use hybrid or onsite.");
  }
  const experienceMin = args.experience_min ?? current.experienceMinYears;
  const experienceMax = args.experience_max ?? current.experienceMaxYears;
  const invalidExperience = range("experience", experienceMin, experienceMax, given(args.experience_max));
  if (invalidExperience) return invalidExperience;
  const pay = compensation(args, current.compensation);
  if (pay instanceof ChangeError) return pay;
  const next: RequirementsData = {
    ...current,
    jobTitle: args.job_title ?? current.jobTitle,
    workplaceType: args.location_type ?? current.workplaceType,
    locationCity: args.location_city ?? current.locationCity,
    onsiteDaysPerWeek: args.onsite_days ?? current.onsiteDaysPerWeek,
    visaSponsorship: args.visa_sponsorship ?? current.visaSponsorship,
    experienceMinYears: experienceMin,
    experienceMaxYears: experienceMax,
    compensation: pay,
    // A range implies equity is offered; no equity means no range.
    equityOffered: args.equity_offered ?? (given(args.equity_range) ? true : current.equityOffered),
    equityRange: args.equity_offered === false ? undefined : (args.equity_range ?? current.equityRange),
  };
  // The protocol's rules: a switch to remote drops the city and onsite days, and so on.
  return normalizeRequirements(
    Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as RequirementsData,
  );
}

export function requirementsTools(deps: ToolDeps) {
  return {
    update_requirements: llm.tool({
      description:
        "Update the job's hard requirements: title, location, experience, compensation, visa, equity. Pass only what you learned; omitted or null fields keep their value.",
      parameters: updateRequirementsParameters,
      execute: async (raw) => {
        const args = parseArgs(updateRequirementsParameters, raw);
        const change = await runChange(deps, ({ requirements }) => {
          const next = mergeRequirements(requirements, args);
          return next instanceof ChangeError
            ? next
            : { type: "requirements.updated", data: { requirements: next } };
        });
        const updated = PARAMETER_NAMES.filter((name) => given(args[name as keyof UpdateRequirementsArgs]));
        return `Updated requirements: ${updated.join(", ")}. ${stillNeeded(change.profile)}`;
      },
    }),
  };
}
