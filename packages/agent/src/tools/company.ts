import { llm } from "@livekit/agents";
import {
  type CompanyIntel as Company,
  CompanyIntel,
  FUNDING_STAGES,
  formatIssue,
} from "@voice-onboarding/protocol";
import { z } from "zod";
import { ChangeError } from "../service/index.js";
import { described, parseArgs } from "./args.js";
import { runChange, type ToolDeps } from "./run.js";

/** Tool field names (snake_case, as the model says them) and the company keys they set. */
const COMPANY_FIELD_KEYS = {
  name: "name",
  tagline: "tagline",
  product_description: "productDescription",
  problem_solved: "problemSolved",
  team_size: "teamSize",
  headquarters: "headquarters",
  total_raised: "totalRaised",
  funding_stage: "fundingStage",
} as const satisfies Record<string, keyof Company>;
type CompanyField = keyof typeof COMPANY_FIELD_KEYS;
export const COMPANY_FIELDS = Object.keys(COMPANY_FIELD_KEYS) as [CompanyField, ...CompanyField[]];

const updateCompanyParameters = z.object({
  field: described(z.enum(COMPANY_FIELDS), "Company field to set"),
  value: z.string().describe(`New value; for funding_stage one of: ${FUNDING_STAGES.join(", ")}`),
});

export function companyTools(deps: ToolDeps) {
  return {
    update_company_profile: llm.tool({
      description:
        "Update company profile information when the recruiter provides or corrects company details.",
      parameters: updateCompanyParameters,
      execute: async (raw) => {
        const args = parseArgs(updateCompanyParameters, raw);
        const key = COMPANY_FIELD_KEYS[args.field];
        const change = await runChange(deps, ({ company }) => {
          if (company === undefined && key !== "name") {
            return new ChangeError("No company is on file yet: set field name first.");
          }
          const candidate = { ...company, name: company?.name, [key]: args.value };
          const parsed = CompanyIntel.safeParse(candidate);
          if (!parsed.success) {
            return new ChangeError(
              `Invalid value for ${args.field}: ${formatIssue(parsed.error.issues[0]).message}`,
            );
          }
          return { type: "company.updated", data: { company: parsed.data } };
        });
        const company = change.profile.company;
        return `Updated company ${args.field} for ${company?.name}.`;
      },
    }),
  };
}
