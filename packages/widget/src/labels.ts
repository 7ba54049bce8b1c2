import type {
  FundingStage,
  NuanceCategory,
  PayInterval,
  RequiredField,
  TraitPriority,
  WorkplaceType,
} from "@voice-onboarding/protocol";

/** Every user-visible string of the cards. Hosts override any subset; record entries are replaced whole. */
export interface CardLabels {
  /** BCP 47 locale for numbers and money; fixed by default so server and client render alike. */
  locale: string;

  // Shared controls and states
  edit: string;
  editItem: (name: string) => string;
  deleteItem: (name: string) => string;
  save: string;
  cancel: string;
  confirm: string;
  confirmField: (field: string) => string;
  confirmed: string;
  pending: string;
  rejected: string;
  notSet: string;
  yes: string;
  no: string;
  unknown: string;
  editFormTitle: (name: string) => string;
  /** Under a text area that takes a list: "One per line". */
  onePerLine: string;
  /** Shown for a few seconds after a delete, with an undo button. */
  deleted: (name: string) => string;
  undo: string;
  undoDelete: (name: string) => string;

  // Validation
  required: (field: string) => string;
  tooLong: (field: string, max: number) => string;
  wholeNumberBetween: (field: string, min: number, max: number) => string;
  invalidAmount: (field: string) => string;
  experienceMinAboveMax: string;
  compensationMinAboveMax: string;
  invalidCurrency: string;
  tooManyItems: (field: string, max: number) => string;

  // Company
  companyTitle: string;
  companyEmpty: string;
  companyFunding: string;
  companyTeamSize: string;
  companyHeadquarters: string;
  companyProduct: string;
  companyProblem: string;
  companyInvestors: string;
  companyOffices: string;
  companyTechStack: string;
  companyCompetitors: string;
  companyCulture: string;
  companyNews: string;
  companyFacts: string;
  companySellingPoints: string;
  editCompany: string;
  companyName: string;
  companyTagline: string;
  companyFundingStage: string;
  companyTotalRaised: string;
  fundingStages: Record<FundingStage, string>;

  // Requirements
  requirementsTitle: string;
  requirementsEmpty: string;
  requirementFields: Record<Exclude<RequiredField, "traits" | "interview_stages">, string>;
  jobTitle: string;
  workplaceType: string;
  city: string;
  onsiteDays: string;
  onsiteDaysValue: (days: number) => string;
  visaSponsorship: string;
  experienceMin: string;
  experienceMax: string;
  experienceRange: (min: number, max: number) => string;
  experienceAtLeast: (min: number) => string;
  experienceAtMost: (max: number) => string;
  compensationMin: string;
  compensationMax: string;
  currency: string;
  payInterval: string;
  moneyFrom: (amount: string) => string;
  moneyUpTo: (amount: string) => string;
  equityOffered: string;
  equityRange: string;
  workplaceTypes: Record<WorkplaceType, string>;
  payIntervals: Record<PayInterval, string>;

  // Traits
  traitsTitle: string;
  traitsEmpty: string;
  traitName: string;
  traitDescription: string;
  traitPriority: string;
  traitSignals: string;
  traitPriorities: Record<TraitPriority, string>;
  addTrait: string;

  // Stages
  stagesTitle: string;
  stagesEmpty: string;
  stageName: string;
  stageDescription: string;
  stageDuration: string;
  stageDurationValue: (minutes: number) => string;
  stageInterviewer: string;
  stageActions: string;
  stageNumber: (order: number) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  addStage: string;

  // Nuances
  nuancesTitle: string;
  nuancesEmpty: string;
  nuanceCategories: Record<NuanceCategory, string>;
  nuanceQuote: string;
  nuanceInsight: string;
  nuanceCategory: string;

  // Completion
  completionTitle: string;
  completionValue: (percent: number) => string;
  completionMissing: string;
  completionNothingMissing: string;
  completionDone: string;
  requiredFields: Record<RequiredField, string>;

  profileCards: string;
}

export const DEFAULT_CARD_LABELS: CardLabels = {
  locale: "en-US",

  edit: "Edit",
  editItem: (name) => `Edit ${name}`,
  deleteItem: (name) => `Delete ${name}`,
  save: "Save",
  cancel: "Cancel",
  confirm: "Confirm",
  confirmField: (field) => `Confirm ${field}`,
  confirmed: "Confirmed",
  pending: "Waiting for the agent…",
  rejected: "Not saved",
  notSet: "Not set",
  yes: "Yes",
  no: "No",
  unknown: "Not decided",
  editFormTitle: (name) => `Editing ${name}`,
  onePerLine: "One per line",
  deleted: (name) => `Deleted ${name}.`,
  undo: "Undo",
  undoDelete: (name) => `Undo deleting ${name}`,

  required: (field) => `${field} is required.`,
  tooLong: (field, max) => `${field} must be at most ${max} characters.`,
  wholeNumberBetween: (field, min, max) => `${field} must be a whole number from ${min} to ${max}.`,
  invalidAmount: (field) => `${field} must be an amount from 0 to 100,000,000, like 120000 or 42.50.`,
  experienceMinAboveMax: "Minimum years must not exceed maximum years.",
  compensationMinAboveMax: "Minimum pay must not exceed maximum pay.",
  invalidCurrency: "Currency must be a three-letter ISO code such as USD.",
  tooManyItems: (field, max) => `${field} can list at most ${max} items.`,

  companyTitle: "Company",
  companyEmpty: "No company research yet. The agent will ask what the company does and who it serves.",
  companyFunding: "Funding",
  companyTeamSize: "Team size",
  companyHeadquarters: "Headquarters",
  companyProduct: "Product",
  companyProblem: "Problem solved",
  companyInvestors: "Investors",
  companyOffices: "Offices",
  companyTechStack: "Tech stack",
  companyCompetitors: "Competitors",
  companyCulture: "Culture",
  companyNews: "Recent news",
  companyFacts: "Interesting facts",
  companySellingPoints: "Selling points",
  editCompany: "Edit company",
  companyName: "Company name",
  companyTagline: "Tagline",
  companyFundingStage: "Funding stage",
  companyTotalRaised: "Total raised",
  fundingStages: {
    pre_seed: "Pre-seed",
    seed: "Seed",
    series_a: "Series A",
    series_b: "Series B",
    series_c: "Series C",
    series_d_plus: "Series D+",
    public: "Public",
    bootstrapped: "Bootstrapped",
    acquired: "Acquired",
  },

  requirementsTitle: "Requirements",
  requirementsEmpty:
    "Nothing captured yet. The agent will ask for the job title, location, experience, pay, visa and equity.",
  requirementFields: {
    job_title: "Job title",
    location: "Location",
    experience: "Experience",
    compensation: "Compensation",
    visa: "Visa sponsorship",
    equity: "Equity",
  },
  jobTitle: "Job title",
  workplaceType: "Workplace",
  city: "City",
  onsiteDays: "Onsite days per week",
  onsiteDaysValue: (days) => `${days} ${days === 1 ? "day" : "days"} onsite a week`,
  visaSponsorship: "Visa sponsorship",
  experienceMin: "Minimum years",
  experienceMax: "Maximum years",
  experienceRange: (min, max) => `${min}–${max} years`,
  experienceAtLeast: (min) => `${min}+ years`,
  experienceAtMost: (max) => `Up to ${max} years`,
  compensationMin: "Minimum pay",
  compensationMax: "Maximum pay",
  currency: "Currency",
  payInterval: "Pay interval",
  moneyFrom: (amount) => `From ${amount}`,
  moneyUpTo: (amount) => `Up to ${amount}`,
  equityOffered: "Equity offered",
  equityRange: "Equity range",
  workplaceTypes: { onsite: "Onsite", hybrid: "Hybrid", remote: "Remote" },
  payIntervals: { year: "per year", month: "per month", hour: "per hour" },

  traitsTitle: "Traits",
  traitsEmpty: "No traits yet. The agent will ask what the ideal candidate must have and what is a bonus.",
  traitName: "Name",
  traitDescription: "Description",
  traitPriority: "Priority",
  traitSignals: "Signals",
  traitPriorities: { must_have: "Must have", nice_to_have: "Nice to have" },
  addTrait: "Add trait",

  stagesTitle: "Interview stages",
  stagesEmpty: "No interview stages yet. The agent will ask how candidates move from first call to offer.",
  stageName: "Name",
  stageDescription: "Description",
  stageDuration: "Duration in minutes",
  stageDurationValue: (minutes) => `${minutes} min`,
  stageInterviewer: "Interviewer",
  stageActions: "Actions",
  stageNumber: (order) => `Stage ${order}`,
  moveUp: (name) => `Move ${name} up`,
  moveDown: (name) => `Move ${name} down`,
  addStage: "Add stage",

  nuancesTitle: "Nuances",
  nuancesEmpty: "No nuances yet. The agent listens for culture, team dynamics, red flags and urgency.",
  nuanceCategories: {
    culture_fit: "Culture fit",
    hidden_pref: "Hidden preferences",
    red_flag: "Red flags",
    selling_point: "Selling points",
    team_dynamic: "Team dynamics",
    growth_path: "Growth path",
    urgency: "Urgency",
    other: "Other",
  },
  nuanceQuote: "In the recruiter's words",
  nuanceInsight: "Note",
  nuanceCategory: "Category",

  completionTitle: "Completion",
  completionValue: (percent) => `${percent}% complete`,
  completionMissing: "Still needed",
  completionNothingMissing: "Everything required is captured.",
  completionDone: "Onboarding complete.",
  requiredFields: {
    job_title: "the job title",
    location: "where the role is based",
    experience: "years of experience",
    compensation: "the pay range",
    visa: "whether visas are sponsored",
    equity: "whether equity is offered",
    traits: "the traits to look for",
    interview_stages: "the interview stages",
  },

  profileCards: "Job profile",
};

export function resolveLabels(overrides?: Partial<CardLabels>): CardLabels {
  return overrides ? { ...DEFAULT_CARD_LABELS, ...overrides } : DEFAULT_CARD_LABELS;
}
