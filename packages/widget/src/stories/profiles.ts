import {
  type JobProfile,
  NUANCE_CATEGORIES,
  type Nuance,
  type NuanceCategory,
  type Trait,
} from "@voice-onboarding/protocol";
import { sampleProfile } from "../cards/fixtures.js";
import type { TranscriptEntry } from "../store/types.js";

/** Profiles for stories at the moments that matter: start, mid-call, done, and stress cases. */
export const emptyProfile: JobProfile = {
  sessionId: "story-session",
  recruiter: { firstName: "Ada" },
  requirements: {},
  traits: [],
  stages: [],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 1,
};

export const partialProfile: JobProfile = {
  ...sampleProfile,
  requirements: { jobTitle: "Senior Frontend Engineer", workplaceType: "remote" },
  traits: sampleProfile.traits.slice(0, 1),
  stages: [],
  nuances: sampleProfile.nuances.slice(0, 1),
  confirmedFields: [],
};

export const completeProfile: JobProfile = {
  ...sampleProfile,
  requirements: {
    ...sampleProfile.requirements,
    visaSponsorship: true,
    equityOffered: true,
    equityRange: "0.1–0.3%",
  },
  confirmedFields: ["job_title", "location", "compensation", "visa"],
  status: "completed",
};

const LONG =
  "Owns the design system end to end, from tokens to the Figma library, and mentors the two junior " +
  "engineers who joined last quarter while keeping the checkout flow accessible in twelve locales, " +
  "including right-to-left languages and screen readers on both desktop and mobile browsers.";

export const longTextProfile: JobProfile = {
  ...completeProfile,
  company: {
    ...sampleProfile.company,
    name: "Internationale Gesellschaft für Haushaltsrobotik und Wäschefaltautomatisierung GmbH",
    tagline: LONG,
    productDescription: LONG,
    investors: ["Supercalifragilisticexpialidocious Ventures", "Y Combinator", "A very long angel syndicate"],
  },
  requirements: {
    ...completeProfile.requirements,
    jobTitle: "Principal Staff Senior Frontend Platform Engineer, Design Systems and Accessibility (m/f/d)",
    locationCity: "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
  },
  traits: sampleProfile.traits.map((trait) => ({ ...trait, description: LONG })),
  nuances: sampleProfile.nuances.map((nuance) => ({ ...nuance, insight: LONG })),
};

/** 50 traits, alternating priority: a long intake. */
export const manyTraits: Trait[] = Array.from({ length: 50 }, (_, index) => ({
  id: `t-${index + 1}`,
  name: `Trait ${index + 1}`,
  description: `Signal number ${index + 1} the recruiter asked for.`,
  priority: index % 3 === 0 ? "nice_to_have" : "must_have",
  signals: index % 5 === 0 ? ["Mentioned twice", "Deal-breaker"] : [],
}));

const INSIGHTS: Record<NuanceCategory, string> = {
  culture_fit: "Team writes everything down; async by default.",
  hidden_pref: "Quietly prefers people who have worked at a hardware startup.",
  red_flag: "Wary of candidates who change jobs every year.",
  selling_point: "Four-day week every August.",
  team_dynamic: "The two seniors disagree on testing; the hire may tip the balance.",
  growth_path: "Could lead the web team within a year.",
  urgency: "Needs someone before the Q3 launch.",
  other: "The office dog is called Ada too.",
};

/** One nuance in every category, so each category's heading and styling shows. */
export const nuancePerCategory: Nuance[] = NUANCE_CATEGORIES.map((category) => ({
  id: `n-${category}`,
  category,
  insight: INSIGHTS[category],
  ...(category === "culture_fit" && { verbatimQuote: "We hate meetings." }),
}));

export const sampleTranscript: TranscriptEntry[] = [
  { id: "a1", speaker: "agent", text: "Hi Ada! Which role are we hiring for today?", final: true, at: 1 },
  {
    id: "r1",
    speaker: "recruiter",
    text: "A senior frontend engineer, hybrid in Berlin.",
    final: true,
    at: 2,
  },
  { id: "a2", speaker: "agent", text: "Got it. What salary range can you offer?", final: true, at: 3 },
];
