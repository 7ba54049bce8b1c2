import { type JobProfile, JobProfile as JobProfileSchema } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";

/** A valid profile for prompt tests; `overrides` replace top-level fields. */
export function profileWith(overrides: Partial<z.input<typeof JobProfileSchema>> = {}): JobProfile {
  return JobProfileSchema.parse({
    sessionId: "s-1",
    recruiter: { firstName: "Dana" },
    requirements: {},
    traits: [],
    stages: [],
    nuances: [],
    confirmedFields: [],
    status: "in_progress",
    version: 0,
    ...overrides,
  });
}

const text = (length: number, seed: string) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/** Every list and text at its schema maximum: the worst case for prompt size. */
export function maximalProfile(counts: { traits: number; nuances: number; stages: number }): JobProfile {
  const list = (items: number) => Array.from({ length: items }, (_, i) => text(300, `item ${i} `));
  return profileWith({
    recruiter: { firstName: text(100, "Dana ") },
    company: {
      name: text(200, "Acme "),
      tagline: text(300, "tagline "),
      fundingStage: "series_a",
      totalRaised: text(100, "$ "),
      investors: list(30),
      productDescription: text(1000, "product "),
      problemSolved: text(1000, "problem "),
      teamSize: text(50, "9"),
      headquarters: text(200, "Berlin "),
      officeLocations: list(30),
      techStackHints: list(50),
      competitors: list(30),
      cultureKeywords: list(30),
      recentNews: list(20),
      interestingFacts: list(20),
      sellingPoints: list(20),
    },
    requirements: {
      jobTitle: text(200, "Engineer "),
      locationCity: text(200, "City "),
      equityRange: text(100, "1% "),
    },
    traits: Array.from({ length: counts.traits }, (_, i) => ({
      id: `t${i}`,
      name: text(120, `Trait ${i} `),
      description: text(1000, "description "),
      priority: "must_have",
      signals: list(20),
    })),
    stages: Array.from({ length: counts.stages }, (_, i) => ({
      id: `s${i}`,
      name: text(120, `Stage ${i} `),
      description: text(1000, "evaluates "),
      order: i + 1,
      actions: list(20),
    })),
    nuances: Array.from({ length: counts.nuances }, (_, i) => ({
      id: `n${i}`,
      category: "other",
      insight: text(1000, `insight ${i} `),
      verbatimQuote: text(1000, "quote "),
    })),
  });
}
