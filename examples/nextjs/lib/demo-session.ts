import { CreateSessionBody } from "@voice-onboarding/agent/client";
import script from "../../recordings/full-intake.script.json";

/**
 * What the ATS knows before the recruiter starts talking: who they are, the company research and
 * what was extracted from the job description. The demo uses the recorded intake's starting point,
 * so live and replay begin from the same job.
 */
export const demoSession: CreateSessionBody = CreateSessionBody.parse({
  recruiter: script.session.recruiter,
  company: script.session.company,
  profile: script.session.profile,
});
