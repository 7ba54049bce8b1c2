import type {
  FundingStage,
  NuanceCategory,
  PayInterval,
  RequiredField,
  TraitPriority,
  WorkplaceType,
} from "@voice-onboarding/protocol";

/** The cards' strings: part of the widget's message catalogue (`Messages`). */
export interface CardMessages {
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
  /** Under a text area that takes a list, one item a line. */
  onePerLine: string;
  /** Shown for a few seconds after a delete, next to the undo button. */
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
  addNuance: string;

  // Completion
  completionTitle: string;
  completionValue: (percent: number) => string;
  completionMissing: string;
  completionNothingMissing: string;
  completionDone: string;
  requiredFields: Record<RequiredField, string>;

  profileCards: string;
}
