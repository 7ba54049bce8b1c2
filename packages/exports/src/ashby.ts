import type { JobProfile, PayInterval, WorkplaceType } from "@voice-onboarding/protocol";
import { jobDescriptionHtml } from "./description.js";
import { missingIf, missingJobTitle, requireInputs } from "./errors.js";
import { type EmploymentType, payRange } from "./facts.js";

// Ashby API:
// - job.create (https://developers.ashbyhq.com/reference/jobcreate): title, teamId, locationId, and
//   optionally defaultInterviewPlanId and jobTemplateId. Team and location are ids the vendor owns.
// - compensation tiers as Ashby publishes them on job postings
//   (https://developers.ashbyhq.com/reference/jobpostinginfo): components with compensationType,
//   interval ("1 YEAR", "1 MONTH", "1 HOUR"), currencyCode, minValue, maxValue.
// - employmentType: FullTime, PartTime, Intern, Contract, Temporary.

export type AshbyEmploymentType = "FullTime" | "PartTime" | "Intern" | "Contract" | "Temporary";
export type AshbyInterval = "1 YEAR" | "1 MONTH" | "1 HOUR";

export interface AshbyJobOptions {
  teamId: string;
  locationId: string;
  defaultInterviewPlanId?: string;
  jobTemplateId?: string;
  employmentType?: EmploymentType;
}

export interface AshbyCompensationComponent {
  compensationType: "Salary" | "EquityPercentage";
  interval: AshbyInterval | "NONE";
  currencyCode?: string;
  minValue?: number;
  maxValue?: number;
}

export interface AshbyExport {
  /** Body of POST /job.create. */
  jobCreate: {
    title: string;
    teamId: string;
    locationId: string;
    defaultInterviewPlanId?: string;
    jobTemplateId?: string;
  };
  employmentType: AshbyEmploymentType;
  workplaceType?: "OnSite" | "Hybrid" | "Remote";
  compensationTiers: { title: string; components: AshbyCompensationComponent[] }[];
  descriptionHtml: string;
  /** The interview stages in order, for the job's interview plan. */
  interviewStages: { title: string; orderInInterviewPlan: number }[];
}

const EMPLOYMENT: Record<EmploymentType, AshbyEmploymentType> = {
  full_time: "FullTime",
  part_time: "PartTime",
  contract: "Contract",
  temporary: "Temporary",
  intern: "Intern",
};
const INTERVAL: Record<PayInterval, AshbyInterval> = { year: "1 YEAR", month: "1 MONTH", hour: "1 HOUR" };
const WORKPLACE: Record<WorkplaceType, "OnSite" | "Hybrid" | "Remote"> = {
  onsite: "OnSite",
  hybrid: "Hybrid",
  remote: "Remote",
};

/** "0.1-0.5%" or "0.25 – 1 %" as a percentage range; other wordings stay in the description. */
function equityPercentRange(text: string | undefined): { min: number; max: number } | undefined {
  const match = text?.match(/(\d+(?:\.\d+)?)\s*%?\s*[-–]\s*(\d+(?:\.\d+)?)\s*%/);
  if (!match) return undefined;
  return { min: Number(match[1]), max: Number(match[2]) };
}

export function toAshbyJob(profile: JobProfile, options: Partial<AshbyJobOptions> = {}): AshbyExport {
  const { teamId, locationId } = options;
  requireInputs("Ashby", [
    missingJobTitle(profile),
    missingIf(!teamId, "options.teamId", "the Ashby team (department) id the job belongs to"),
    missingIf(!locationId, "options.locationId", "the Ashby location id of the job"),
  ]);
  const { requirements } = profile;
  const pay = payRange(profile);
  const equity = requirements.equityOffered ? equityPercentRange(requirements.equityRange) : undefined;
  const components: AshbyCompensationComponent[] = [];
  if (pay) {
    components.push({
      compensationType: "Salary",
      interval: INTERVAL[pay.interval],
      currencyCode: pay.currency,
      ...(pay.min !== undefined && { minValue: pay.min }),
      ...(pay.max !== undefined && { maxValue: pay.max }),
    });
  }
  if (equity) {
    components.push({
      compensationType: "EquityPercentage",
      interval: "NONE",
      minValue: equity.min,
      maxValue: equity.max,
    });
  }
  return {
    jobCreate: {
      title: requirements.jobTitle ?? "",
      teamId: teamId ?? "",
      locationId: locationId ?? "",
      ...(options.defaultInterviewPlanId && { defaultInterviewPlanId: options.defaultInterviewPlanId }),
      ...(options.jobTemplateId && { jobTemplateId: options.jobTemplateId }),
    },
    employmentType: EMPLOYMENT[options.employmentType ?? "full_time"],
    ...(requirements.workplaceType && { workplaceType: WORKPLACE[requirements.workplaceType] }),
    compensationTiers: components.length > 0 ? [{ title: requirements.jobTitle ?? "", components }] : [],
    descriptionHtml: jobDescriptionHtml(profile),
    interviewStages: profile.stages.map((stage) => ({
      title: stage.name,
      orderInInterviewPlan: stage.order,
    })),
  };
}
