import type { JobProfile, PayInterval, WorkplaceType } from "@voice-onboarding/protocol";
import {
  buildJobDescription,
  type DescriptionSection,
  htmlListItems,
  renderHtmlSections,
} from "./description.js";
import { missingJobTitle, requireInputs } from "./errors.js";
import { closedPayRange, type EmploymentType, formatPay, payRange } from "./facts.js";

// Lever Data API, "Create a posting" (POST /v1/postings?perform_as=<user id>):
// https://hire.lever.co/developer/documentation#create-a-posting
// salaryRange.interval takes Lever's names, e.g. "per-year-salary", "per-month-salary", "per-hour-wage".

export type LeverSalaryInterval = "per-year-salary" | "per-month-salary" | "per-hour-wage";
export type LeverWorkplaceType = "onsite" | "hybrid" | "remote" | "unspecified";

export interface LeverPostingOptions {
  /** Lever user id that owns the posting (also `perform_as`); Lever fills it from perform_as when absent. */
  owner?: string;
  hiringManager?: string;
  team?: string;
  department?: string;
  employmentType?: EmploymentType;
  state?: "draft" | "internal" | "published";
}

export interface LeverPosting {
  text: string;
  state: "draft" | "internal" | "published";
  workplaceType: LeverWorkplaceType;
  categories: { location?: string; commitment: string; team?: string; department?: string };
  content: {
    description: string;
    descriptionHtml: string;
    lists: { text: string; content: string }[];
  };
  salaryRange?: { currency: string; interval: LeverSalaryInterval; min: number; max: number };
  salaryDescription?: string;
  owner?: string;
  hiringManager?: string;
  tags: string[];
}

const INTERVAL: Record<PayInterval, LeverSalaryInterval> = {
  year: "per-year-salary",
  month: "per-month-salary",
  hour: "per-hour-wage",
};
const COMMITMENT: Record<EmploymentType, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  temporary: "Temporary",
  intern: "Internship",
};
const WORKPLACE: Record<WorkplaceType, LeverWorkplaceType> = {
  onsite: "onsite",
  hybrid: "hybrid",
  remote: "remote",
};

// Lever shows the description as text and the requirement/stage lists as its own `lists`.
const LISTED = new Set<DescriptionSection["topic"]>(["must_have", "nice_to_have", "interview_process"]);

export function toLeverPosting(profile: JobProfile, options: LeverPostingOptions = {}): LeverPosting {
  requireInputs("Lever", [missingJobTitle(profile)]);
  const { title, sections } = buildJobDescription(profile);
  const body = sections.filter((section) => !LISTED.has(section.topic));
  const lists = sections.filter((section) => LISTED.has(section.topic));
  const pay = payRange(profile);
  const closed = closedPayRange(profile);
  const { requirements } = profile;
  return {
    text: title,
    state: options.state ?? "draft",
    workplaceType: requirements.workplaceType ? WORKPLACE[requirements.workplaceType] : "unspecified",
    categories: {
      ...(requirements.locationCity && { location: requirements.locationCity }),
      commitment: COMMITMENT[options.employmentType ?? "full_time"],
      ...(options.team && { team: options.team }),
      ...(options.department && { department: options.department }),
    },
    content: {
      description: plainText(body),
      descriptionHtml: renderHtmlSections(body),
      lists: lists.map((section) => ({ text: section.heading, content: htmlListItems(section.items) })),
    },
    // Lever's range has both bounds; an open range is said in words instead.
    ...(closed && {
      salaryRange: {
        currency: closed.currency,
        interval: INTERVAL[closed.interval],
        min: closed.min,
        max: closed.max,
      },
    }),
    ...(pay && { salaryDescription: formatPay(pay) }),
    ...(options.owner && { owner: options.owner }),
    ...(options.hiringManager && { hiringManager: options.hiringManager }),
    tags: profile.traits.filter((trait) => trait.priority === "must_have").map((trait) => trait.name),
  };
}

const plainText = (sections: readonly DescriptionSection[]) =>
  sections
    .map(
      (section) =>
        `${section.heading}\n${section.items.map((item) => (section.style === "paragraphs" ? item : `- ${item}`)).join("\n")}`,
    )
    .join("\n\n");
