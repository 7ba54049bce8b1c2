import type { CardMessages } from "../i18n/card-messages.js";

type ExperienceLabels = Pick<CardMessages, "experienceRange" | "experienceAtLeast" | "experienceAtMost">;

/** "3–5 years", "3+ years", "Up to 5 years", or undefined when neither bound is known. */
export function formatExperience(
  minYears: number | undefined,
  maxYears: number | undefined,
  labels: ExperienceLabels,
): string | undefined {
  if (minYears !== undefined && maxYears !== undefined) return labels.experienceRange(minYears, maxYears);
  if (minYears !== undefined) return labels.experienceAtLeast(minYears);
  if (maxYears !== undefined) return labels.experienceAtMost(maxYears);
  return undefined;
}
