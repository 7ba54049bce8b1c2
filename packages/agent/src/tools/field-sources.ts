import type { RequiredField } from "@voice-onboarding/protocol";

/** Which tool call fills each required field, for errors and prompts that say what to do. */
export const FIELD_SOURCES: Record<RequiredField, string> = {
  job_title: "update_requirements(job_title)",
  location: "update_requirements(location_type, and location_city unless remote)",
  experience: "update_requirements(experience_min)",
  compensation: "update_requirements(salary_min and/or salary_max)",
  visa: "update_requirements(visa_sponsorship)",
  equity: "update_requirements(equity_offered)",
  traits: "create_trait",
  interview_stages: "create_interview_stage",
};
