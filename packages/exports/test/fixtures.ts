import { JobProfile } from "@voice-onboarding/protocol";

/** A finished intake, parsed by the protocol schema so it is a profile the agent could have stored. */
export const fullProfile: JobProfile = JobProfile.parse({
  sessionId: "sess_42",
  recruiter: { firstName: "Dana", lastName: "Reyes" },
  company: {
    name: "Acme Robotics",
    tagline: "Robots that fold laundry",
    productDescription: "A home robot that sorts, folds & stacks clothes.",
    sellingPoints: ["Series A, 30 people", "Hardware and software under one roof"],
  },
  requirements: {
    jobTitle: "Senior Backend Engineer",
    workplaceType: "hybrid",
    locationCity: "Berlin",
    onsiteDaysPerWeek: 3,
    visaSponsorship: true,
    experienceMinYears: 5,
    experienceMaxYears: 8,
    compensation: { min: 90000, max: 120000, currency: "EUR", interval: "year" },
    equityOffered: true,
    equityRange: "0.1-0.25%",
  },
  traits: [
    {
      id: "t1",
      name: "Distributed systems",
      description: "Has run queues <at scale> & owned incidents",
      priority: "must_have",
      signals: [],
    },
    {
      id: "t2",
      name: "Rust",
      description: "Wrote production Rust",
      priority: "nice_to_have",
      signals: ["crates"],
    },
  ],
  stages: [
    {
      id: "s1",
      name: "Recruiter screen",
      description: "Motivation and logistics",
      order: 1,
      durationMinutes: 30,
      interviewerRole: "Recruiter",
      actions: [],
    },
    {
      id: "s2",
      name: "System design",
      description: "Design a fleet telemetry pipeline",
      order: 2,
      durationMinutes: 60,
      actions: ["send brief"],
    },
  ],
  nuances: [{ id: "n1", category: "selling_point", insight: "The team ships to real homes every month" }],
  confirmedFields: [],
  status: "completed",
  version: 12,
});

export const remoteProfile: JobProfile = {
  ...fullProfile,
  requirements: { ...fullProfile.requirements, workplaceType: "remote", locationCity: undefined },
};

/** What an intake that has only just started knows. */
export const emptyProfile: JobProfile = JobProfile.parse({
  sessionId: "sess_0",
  recruiter: { firstName: "Dana" },
  requirements: {},
  traits: [],
  stages: [],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 0,
});
