import {
  type FundingStage,
  type JobProfile,
  missingFields,
  type RequiredField,
} from "@voice-onboarding/protocol";
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

const FIELD_PHRASES: Record<RequiredField, string> = {
  job_title: "the job title",
  location: "where the person will work",
  experience: "the experience you're looking for",
  compensation: "compensation",
  visa: "visa sponsorship",
  equity: "equity",
  traits: "the traits that matter",
  interview_stages: "the interview process",
};

/**
 * What the agent says when a job starts: the opening hook for a new intake, a resume line for
 * one already under way (a reload, a restarted job), a short wrap-up for a completed one. A
 * half-done intake is never greeted as new.
 */
export function buildGreeting(profile: JobProfile): string {
  if (profile.version === 0) return buildOpeningHook(profile);
  const name = cleanText(profile.recruiter.firstName, 40);
  if (profile.status === "completed") {
    return `Welcome back, ${name}! This intake is complete. If anything changed, tell me and I'll update it.`;
  }
  const next = missingFields(profile)[0];
  if (next === undefined) {
    return `Welcome back, ${name}! I have everything I need; anything you'd like to add before we wrap up?`;
  }
  return `Welcome back, ${name}! Let's pick up where we left off. Next up: ${FIELD_PHRASES[next]}.`;
}
