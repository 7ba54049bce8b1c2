/**
 * The closed vocabularies of the protocol, free of any validator: code that only needs the
 * words (a card's labels, `missingFields`) does not pull zod into a browser's first chunk.
 * Their types are the schemas' (`WorkplaceType`, …), imported as types.
 */
export const FUNDING_STAGES = [
  "pre_seed",
  "seed",
  "series_a",
  "series_b",
  "series_c",
  "series_d_plus",
  "public",
  "bootstrapped",
  "acquired",
] as const;

export const WORKPLACE_TYPES = ["onsite", "hybrid", "remote"] as const;

export const PAY_INTERVALS = ["year", "month", "hour"] as const;

export const TRAIT_PRIORITIES = ["must_have", "nice_to_have"] as const;

export const NUANCE_CATEGORIES = [
  "culture_fit",
  "hidden_pref",
  "red_flag",
  "selling_point",
  "team_dynamic",
  "growth_path",
  "urgency",
  "other",
] as const;

/** The fields an intake must capture; snake_case because the model names them in tool calls. */
export const REQUIRED_FIELDS = [
  "job_title",
  "location",
  "experience",
  "compensation",
  "visa",
  "equity",
  "traits",
  "interview_stages",
] as const;

export const PROFILE_STATUSES = ["in_progress", "completed"] as const;

export const MESSAGE_SOURCES = ["agent", "recruiter"] as const;

/** How many of each a profile may hold: the schemas check them, the edit semantics refuse past them. */
export const MAX_TRAITS = 250;
export const MAX_STAGES = 20;
export const MAX_NUANCES = 500;
