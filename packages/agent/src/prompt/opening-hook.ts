import type { FundingStage, JobProfile } from "@voice-onboarding/protocol";
import { cleanText } from "./sanitize.js";

const STAGE_PHRASES: Record<FundingStage, string> = {
  pre_seed: "is at the pre-seed stage",
  seed: "is at the seed stage",
  series_a: "is at Series A",
  series_b: "is at Series B",
  series_c: "is at Series C",
  series_d_plus: "is at Series D or later",
  public: "is a public company",
  bootstrapped: "is bootstrapped",
  acquired: "was acquired",
};

export const FUNDING_LABELS: Record<FundingStage, string> = {
  pre_seed: "pre-seed",
  seed: "seed",
  series_a: "Series A",
  series_b: "Series B",
  series_c: "Series C",
  series_d_plus: "Series D+",
  public: "public",
  bootstrapped: "bootstrapped",
  acquired: "acquired",
};

/** "Robots that fold laundry." -> "robots that fold laundry", keeping acronyms like "AI tools". */
function asPhrase(text: string): string {
  const bare = text.replace(/[.!\s]+$/u, "");
  return /^[A-Z][a-z]/.test(bare) ? bare[0]?.toLowerCase() + bare.slice(1) : bare;
}

/** The agent's first line: personal, shows the research, asks an open question about the role. */
export function buildOpeningHook(profile: JobProfile): string {
  const name = cleanText(profile.recruiter.firstName, 40);
  const { company, requirements } = profile;
  const title = requirements.jobTitle ? cleanText(requirements.jobTitle, 80) : undefined;
  const role = title ? `this ${title} role` : "this role";
  if (!company) {
    return `Hey ${name}! Tell me everything about ${role}. What would this person own, and what kind of candidate would crush it?`;
  }
  const companyName = cleanText(company.name, 80);
  if (company.tagline) {
    const tagline = asPhrase(cleanText(company.tagline, 120));
    return `Hey ${name}! I pulled some info on ${companyName} - ${tagline}. Tell me about ${role}. What would this person actually own?`;
  }
  if (company.productDescription) {
    const product = asPhrase(cleanText(company.productDescription, 120));
    return `Hey ${name}! I see ${companyName} is building ${product}. Tell me about ${role} - what's the problem you're solving with this hire?`;
  }
  if (company.fundingStage) {
    return `Hey ${name}! I see ${companyName} ${STAGE_PHRASES[company.fundingStage]}. Tell me everything about ${role} - who you're looking for, what they'd work on, what matters most.`;
  }
  return `Hey ${name}! Tell me everything about ${role} at ${companyName}. What would this person own, and what kind of candidate would crush it?`;
}
