import type { JobProfile } from "@voice-onboarding/protocol";
import { buildJobDescription, renderHtmlSections } from "./description.js";
import { missingIf, missingJobTitle, requireInputs } from "./errors.js";
import { closedPayRange } from "./facts.js";

// Greenhouse Harvest API v1:
// - create: POST /v1/jobs (https://developers.greenhouse.io/harvest.html#post-add-job) copies a template
//   job, its interview plan included; template_job_id and number_of_openings are required.
// - then: PATCH /v1/jobs/{id} (https://developers.greenhouse.io/harvest.html#patch-edit-job) for notes and
//   custom fields; a currency_range field takes min_value < max_value and an ISO-4217 `unit`.
// Greenhouse has no API to write an interview plan, so the stages come back as a list to set up by hand
// or to compare with the template's plan.

export interface GreenhouseJobOptions {
  /** The Greenhouse job to copy (hiring plan, interview plan, approvals). Vendor-owned; required. */
  templateJobId: number;
  numberOfOpenings?: number;
  departmentId?: number;
  officeIds?: number[];
  requisitionId?: string;
  /** `name_key` ("immutable field key") of the job's currency_range custom field for pay; default `salary_range`. */
  salaryFieldKey?: string;
}

export interface GreenhouseCustomFieldValue {
  name_key: string;
  min_value: number;
  max_value: number;
  unit: string;
}

export interface GreenhouseExport {
  /** Body of POST /v1/jobs. */
  createJob: {
    template_job_id: number;
    number_of_openings: number;
    job_name: string;
    job_post_name: string;
    department_id?: number;
    office_ids?: number[];
    requisition_id?: string;
  };
  /** Body of PATCH /v1/jobs/{id} on the job created above. */
  updateJob: {
    notes?: string;
    team_and_responsibilities: string;
    how_to_sell_this_job?: string;
    custom_fields: GreenhouseCustomFieldValue[];
  };
  /** The interview plan, in order: Greenhouse copies plans from the template job. */
  interviewPlan: {
    name: string;
    description: string;
    durationMinutes?: number;
    interviewerRole?: string;
    actions: string[];
  }[];
}

export function toGreenhouseJob(
  profile: JobProfile,
  options: Partial<GreenhouseJobOptions> = {},
): GreenhouseExport {
  const templateJobId = options.templateJobId;
  requireInputs("Greenhouse", [
    missingJobTitle(profile),
    missingIf(
      templateJobId === undefined,
      "options.templateJobId",
      "the id of the Greenhouse job to copy, whose hiring and interview plan the new job starts from",
    ),
  ]);
  const { title, sections } = buildJobDescription(profile);
  const pay = closedPayRange(profile);
  const sellingPoints = [
    ...(profile.company?.sellingPoints ?? []),
    ...profile.nuances
      .filter((nuance) => nuance.category === "selling_point")
      .map((nuance) => nuance.insight),
  ];
  return {
    createJob: {
      template_job_id: templateJobId ?? 0,
      number_of_openings: options.numberOfOpenings ?? 1,
      job_name: title,
      job_post_name: title,
      ...(options.departmentId !== undefined && { department_id: options.departmentId }),
      ...(options.officeIds && { office_ids: options.officeIds }),
      ...(options.requisitionId && { requisition_id: options.requisitionId }),
    },
    updateJob: {
      // What the recruiter said between the lines is for the hiring team, not the job post.
      ...(profile.nuances.length > 0 && {
        notes: profile.nuances.map((nuance) => `[${nuance.category}] ${nuance.insight}`).join("\n"),
      }),
      team_and_responsibilities: renderHtmlSections(sections),
      ...(sellingPoints.length > 0 && { how_to_sell_this_job: sellingPoints.join("\n") }),
      // Greenhouse refuses a range whose min is not below its max.
      custom_fields:
        pay && pay.min < pay.max
          ? [
              {
                name_key: options.salaryFieldKey ?? "salary_range",
                min_value: pay.min,
                max_value: pay.max,
                unit: pay.currency,
              },
            ]
          : [],
    },
    interviewPlan: profile.stages.map((stage) => ({
      name: stage.name,
      description: stage.description,
      ...(stage.durationMinutes !== undefined && { durationMinutes: stage.durationMinutes }),
      ...(stage.interviewerRole && { interviewerRole: stage.interviewerRole }),
      actions: stage.actions,
    })),
  };
}
