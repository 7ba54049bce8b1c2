import fc from "fast-check";
import {
  type CompanyIntel,
  FUNDING_STAGES,
  type InterviewStage,
  type JobProfile,
  NUANCE_CATEGORIES,
  type Nuance,
  normalizeRequirements,
  PAY_INTERVALS,
  REQUIRED_FIELDS,
  type Requirements,
  TRAIT_PRIORITIES,
  type Trait,
  WORKPLACE_TYPES,
} from "../../src/index.js";

/** Trimmed, non-empty text including non-ASCII graphemes. */
export const text = (maxLength = 40) =>
  fc
    .string({ minLength: 1, maxLength, unit: "grapheme" })
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && value.length <= maxLength);

export const id = fc.uuid();
const list = (maxLength = 4) => fc.array(text(30), { maxLength });
/** Trait and stage names are unique per profile (ignoring case): a random tag keeps them apart. */
const uniqueName = fc.tuple(text(), fc.uuid()).map(([name, tag]) => `${name} ${tag.slice(0, 8)}`);
const pair = (max: number) =>
  fc.tuple(fc.nat({ max }), fc.nat({ max })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

export const companyArb: fc.Arbitrary<CompanyIntel> = fc.record(
  {
    name: text(60),
    tagline: text(),
    fundingStage: fc.constantFrom(...FUNDING_STAGES),
    totalRaised: text(),
    investors: list(),
    productDescription: text(200),
    problemSolved: text(200),
    teamSize: text(10),
    headquarters: text(),
    officeLocations: list(),
    techStackHints: list(),
    competitors: list(),
    cultureKeywords: list(),
    recentNews: list(),
    interestingFacts: list(),
    sellingPoints: list(),
  },
  { requiredKeys: ["name"] },
);

export const requirementsArb: fc.Arbitrary<Requirements> = fc
  .record(
    {
      jobTitle: text(),
      workplaceType: fc.constantFrom(...WORKPLACE_TYPES),
      locationCity: text(),
      onsiteDaysPerWeek: fc.integer({ min: 1, max: 7 }),
      visaSponsorship: fc.boolean(),
      experience: pair(60),
      compensation: fc.record(
        {
          range: pair(1_000_000),
          currency: fc.constantFrom("USD", "EUR", "GBP", "INR", "JPY"),
          interval: fc.constantFrom(...PAY_INTERVALS),
        },
        { requiredKeys: ["currency", "interval"] },
      ),
      equityOffered: fc.boolean(),
      equityRange: text(20),
    },
    { requiredKeys: [] },
  )
  .map(({ experience, compensation, ...rest }) => ({
    ...rest,
    ...(experience && { experienceMinYears: experience[0], experienceMaxYears: experience[1] }),
    ...(compensation && {
      compensation: {
        currency: compensation.currency,
        interval: compensation.interval,
        ...(compensation.range && { min: compensation.range[0], max: compensation.range[1] }),
      },
    }),
  }))
  // The protocol's invariants: remote has no city, only hybrid has onsite days, no equity no range.
  .map((requirements) => {
    const valid = normalizeRequirements(requirements);
    if (valid.workplaceType === undefined) delete valid.onsiteDaysPerWeek;
    return valid;
  });

export const traitArb: fc.Arbitrary<Trait> = fc.record({
  id,
  name: uniqueName,
  description: text(200),
  priority: fc.constantFrom(...TRAIT_PRIORITIES),
  signals: list(),
});

export const stageArb = (order: number): fc.Arbitrary<InterviewStage> =>
  fc.record(
    {
      id,
      name: uniqueName,
      description: text(200),
      order: fc.constant(order),
      durationMinutes: fc.integer({ min: 1, max: 600 }),
      interviewerRole: text(),
      actions: list(),
    },
    { requiredKeys: ["id", "name", "description", "order", "actions"] },
  );

export const nuanceArb: fc.Arbitrary<Nuance> = fc.record(
  { id, category: fc.constantFrom(...NUANCE_CATEGORIES), insight: text(200), verbatimQuote: text(200) },
  { requiredKeys: ["id", "category", "insight"] },
);

export const profileArb: fc.Arbitrary<JobProfile> = fc
  .record({
    sessionId: id,
    recruiter: fc.record({ firstName: text(), lastName: text() }, { requiredKeys: ["firstName"] }),
    company: fc.option(companyArb, { nil: undefined }),
    requirements: requirementsArb,
    traits: fc.array(traitArb, { maxLength: 5 }),
    stageCount: fc.nat({ max: 5 }),
    nuances: fc.array(nuanceArb, { maxLength: 5 }),
    confirmedFields: fc.subarray([...REQUIRED_FIELDS]),
    status: fc.constantFrom("in_progress" as const, "completed" as const),
    version: fc.nat({ max: 1000 }),
  })
  .chain(({ stageCount, company, ...rest }) =>
    fc
      .tuple(...Array.from({ length: stageCount }, (_, index) => stageArb(index + 1)))
      .map((stages) => ({ ...rest, ...(company && { company }), stages })),
  );

export const isoDate = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
  .map((date) => date.toISOString());
