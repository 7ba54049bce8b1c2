import type { JobProfile, RequiredField } from "./schemas/profile.js";
import { REQUIRED_FIELDS } from "./vocabulary.js";

type ProfileContent = Pick<JobProfile, "requirements" | "traits" | "stages">;

const isFilled: Record<RequiredField, (profile: ProfileContent) => boolean> = {
  job_title: ({ requirements }) => requirements.jobTitle !== undefined,
  // A remote role needs no city; onsite and hybrid roles do.
  location: ({ requirements: r }) =>
    r.workplaceType === "remote" || (r.workplaceType !== undefined && r.locationCity !== undefined),
  experience: ({ requirements }) => requirements.experienceMinYears !== undefined,
  compensation: ({ requirements: { compensation } }) =>
    compensation !== undefined && (compensation.min !== undefined || compensation.max !== undefined),
  visa: ({ requirements }) => requirements.visaSponsorship !== undefined,
  equity: ({ requirements }) => requirements.equityOffered !== undefined,
  traits: ({ traits }) => traits.length > 0,
  interview_stages: ({ stages }) => stages.length > 0,
};

/** Required fields with no value yet, in `REQUIRED_FIELDS` order. */
export function missingFields(profile: ProfileContent): RequiredField[] {
  return REQUIRED_FIELDS.filter((field) => !isFilled[field](profile));
}

export function isFieldFilled(profile: ProfileContent, field: RequiredField): boolean {
  return isFilled[field](profile);
}

/** Share of required fields filled, 0–100, rounded down so 100 means nothing is missing. */
export function completion(profile: ProfileContent): number {
  const filled = REQUIRED_FIELDS.length - missingFields(profile).length;
  return Math.floor((filled * 100) / REQUIRED_FIELDS.length);
}
