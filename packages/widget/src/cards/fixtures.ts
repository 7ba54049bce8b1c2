import type { InterviewStage, JobProfile, Nuance, Trait } from "@voice-onboarding/protocol";

/** Sample data for tests and stories. */
export const sampleTraits: Trait[] = [
  {
    id: "t-ts",
    name: "TypeScript depth",
    description: "Has shipped large typed codebases and can explain trade-offs of the type system.",
    priority: "must_have",
    signals: ["Owns a public TS library", "Talks about variance unprompted"],
  },
  {
    id: "t-oss",
    name: "Open-source work",
    description: "Maintains or contributes to open-source projects.",
    priority: "nice_to_have",
    signals: [],
  },
  {
    id: "t-ownership",
    name: "Ownership",
    description: "Takes a problem from vague to shipped without hand-holding.",
    priority: "must_have",
    signals: ["Led a migration end to end"],
  },
];

export const sampleStages: InterviewStage[] = [
  {
    id: "s-screen",
    name: "Recruiter screen",
    description: "Motivation and logistics.",
    order: 1,
    durationMinutes: 30,
    interviewerRole: "Recruiter",
    actions: [],
  },
  {
    id: "s-tech",
    name: "Technical deep dive",
    description: "Pairing on a real bug.",
    order: 2,
    durationMinutes: 90,
    actions: ["Send repo access"],
  },
  { id: "s-founder", name: "Founder chat", description: "Values and vision.", order: 3, actions: [] },
];

export const sampleNuances: Nuance[] = [
  {
    id: "n-async",
    category: "culture_fit",
    insight: "Team writes everything down; async by default.",
    verbatimQuote: "We hate meetings.",
  },
  { id: "n-hop", category: "red_flag", insight: "Wary of candidates who change jobs every year." },
  { id: "n-q3", category: "urgency", insight: "Needs someone before the Q3 launch." },
  { id: "n-docs", category: "culture_fit", insight: "Design docs before code." },
];

export const sampleProfile: JobProfile = {
  sessionId: "session-1",
  recruiter: { firstName: "Ada" },
  company: {
    name: "Acme Robotics",
    tagline: "Robots that fold laundry",
    fundingStage: "series_a",
    totalRaised: "$20M",
    investors: ["Sequoia", "Y Combinator"],
    teamSize: "35",
    headquarters: "Berlin",
    techStackHints: ["TypeScript", "Rust"],
  },
  requirements: {
    jobTitle: "Senior Frontend Engineer",
    workplaceType: "hybrid",
    locationCity: "Berlin",
    onsiteDaysPerWeek: 2,
    experienceMinYears: 5,
    compensation: { min: 90000, max: 120000, currency: "EUR", interval: "year" },
  },
  traits: sampleTraits,
  stages: sampleStages,
  nuances: sampleNuances,
  confirmedFields: ["job_title"],
  status: "in_progress",
  version: 12,
};
