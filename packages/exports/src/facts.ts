import type { JobProfile, PayInterval, Trait } from "@voice-onboarding/protocol";

/** Employment types the exports know, mapped to each target's own words. */
export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "temporary", "intern"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** The profile's pay range when it has at least one bound. */
export interface PayRange {
  min?: number;
  max?: number;
  currency: string;
  interval: PayInterval;
}

export function payRange(profile: JobProfile): PayRange | undefined {
  const compensation = profile.requirements.compensation;
  if (!compensation || (compensation.min === undefined && compensation.max === undefined)) return undefined;
  return compensation;
}

/** Both bounds, for targets that take a closed range only. */
export function closedPayRange(profile: JobProfile): Required<PayRange> | undefined {
  const range = payRange(profile);
  if (range?.min === undefined || range.max === undefined) return undefined;
  return { ...range, min: range.min, max: range.max };
}

const INTERVAL_WORDS: Record<PayInterval, string> = {
  year: "per year",
  month: "per month",
  hour: "per hour",
};

export function formatPay(range: PayRange): string {
  const money = (amount: number) =>
    new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: range.currency,
      maximumFractionDigits: 0,
    }).format(amount);
  const bounds =
    range.min !== undefined && range.max !== undefined
      ? range.min === range.max
        ? money(range.min)
        : `${money(range.min)} – ${money(range.max)}`
      : range.min !== undefined
        ? `from ${money(range.min)}`
        : `up to ${money(range.max ?? 0)}`;
  return `${bounds} ${INTERVAL_WORDS[range.interval]}`;
}

export function experienceText(profile: JobProfile): string | undefined {
  const { experienceMinYears: min, experienceMaxYears: max } = profile.requirements;
  if (min !== undefined && max !== undefined) return min === max ? `${min} years` : `${min}–${max} years`;
  if (min !== undefined) return `${min}+ years`;
  if (max !== undefined) return `up to ${max} years`;
  return undefined;
}

export function workplaceText(profile: JobProfile): string | undefined {
  const { workplaceType, locationCity, onsiteDaysPerWeek } = profile.requirements;
  const city = locationCity ? ` in ${locationCity}` : "";
  switch (workplaceType) {
    case "remote":
      return `Remote${locationCity ? ` (${locationCity})` : ""}`;
    case "hybrid":
      return `Hybrid${city}${onsiteDaysPerWeek !== undefined ? `, ${onsiteDaysPerWeek} days a week in the office` : ""}`;
    case "onsite":
      return `On site${city}`;
    default:
      return locationCity;
  }
}

export const traitsBy = (profile: JobProfile, priority: Trait["priority"]) =>
  profile.traits.filter((trait) => trait.priority === priority);

/** A trait as one line: its name and what it means. */
export const traitLine = (trait: Trait) => `${trait.name}: ${trait.description}`;
