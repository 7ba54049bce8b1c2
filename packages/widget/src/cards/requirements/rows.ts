import type { Requirements } from "@voice-onboarding/protocol";
import { formatExperience } from "../../format/experience.js";
import { formatCompensation } from "../../format/money.js";
import { formatWorkplace } from "../../format/workplace.js";
import type { CardMessages } from "../../i18n/card-messages.js";
import type { EditDraftOf } from "../types.js";

/** One row per required field the requirements card owns, in `REQUIRED_FIELDS` order. */
export const REQUIREMENT_ROWS = [
  "job_title",
  "location",
  "experience",
  "compensation",
  "visa",
  "equity",
] as const;
export type RequirementRow = (typeof REQUIREMENT_ROWS)[number];

export type RequirementsPatch = EditDraftOf<"requirements.update">["data"]["requirements"];

/** Hosts may highlight a `Requirements` key ("locationCity") or the row's field name ("location"). */
const ROW_OF_KEY: Record<keyof Requirements, RequirementRow> = {
  jobTitle: "job_title",
  workplaceType: "location",
  locationCity: "location",
  onsiteDaysPerWeek: "location",
  experienceMinYears: "experience",
  experienceMaxYears: "experience",
  compensation: "compensation",
  visaSponsorship: "visa",
  equityOffered: "equity",
  equityRange: "equity",
};

export function rowIdOf(id: string): string {
  return Object.hasOwn(ROW_OF_KEY, id) ? ROW_OF_KEY[id as keyof Requirements] : id;
}

const yesNo = (value: boolean | undefined, labels: CardMessages) =>
  value === undefined ? undefined : value ? labels.yes : labels.no;

/** The row's value in words, or undefined when nothing is known yet. */
export function rowValue(
  row: RequirementRow,
  requirements: Requirements,
  labels: CardMessages,
): string | undefined {
  switch (row) {
    case "job_title":
      return requirements.jobTitle;
    case "location":
      return formatWorkplace(requirements, labels);
    case "experience":
      return formatExperience(requirements.experienceMinYears, requirements.experienceMaxYears, labels);
    case "compensation":
      return formatCompensation(requirements.compensation, labels);
    case "visa":
      return yesNo(requirements.visaSponsorship, labels);
    case "equity":
      return (
        [yesNo(requirements.equityOffered, labels), requirements.equityRange].filter(Boolean).join(" · ") ||
        undefined
      );
  }
}

/** Keeps only the keys whose value differs from the current requirements (`null` equals unset). */
export function changedOnly(current: Requirements, candidate: RequirementsPatch): RequirementsPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    const before = current[key as keyof Requirements];
    if (JSON.stringify(before ?? null) !== JSON.stringify(value ?? null)) patch[key] = value;
  }
  return patch as RequirementsPatch;
}
