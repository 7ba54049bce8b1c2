/** A requirement as the aria-live announcement names it (several keys share one, e.g. both experience bounds). */
export type AnnouncedRequirement =
  | "job_title"
  | "workplace_type"
  | "location"
  | "onsite_days"
  | "visa"
  | "experience"
  | "compensation"
  | "equity";

/**
 * The widget's own sentences outside the cards and controls: what the aria-live region reads
 * aloud, edit rollbacks and connection failures. Part of the message catalogue (`Messages`).
 */
export interface StatusMessages {
  // Announcements (aria-live), one per agent message
  announceProfileLoaded: string;
  announceCompanyUpdated: (company: string) => string;
  /** `fields` is already a list in the locale's words ("job title, location and experience"). */
  announceRequirementsChanged: (fields: string) => string;
  announceRequirementsUpdated: string;
  announcedRequirements: Record<AnnouncedRequirement, string>;
  announceTraitAdded: (name: string) => string;
  announceTraitUpdated: (name: string) => string;
  announceTraitRemoved: (name: string) => string;
  announceStageAdded: (name: string) => string;
  announceStageUpdated: (name: string) => string;
  announceStageRemoved: (name: string) => string;
  announceStagesReordered: string;
  announceNuanceNoted: (insight: string) => string;
  announceNuanceUpdated: (insight: string) => string;
  announceNuanceRemoved: string;
  /** `field` is the entry of `requiredFields`. */
  announceFieldConfirmed: (field: string) => string;
  announceOnboardingComplete: string;

  // Edit rollback
  /** Announced when the agent refused an edit and the widget rolled it back; `reason` is the agent's. */
  editNotSaved: (reason: string) => string;
  // Reasons the widget gives itself for an edit that did not reach the agent
  editNotConnected: string;
  editAgentAbsent: string;
  editAnswerUnreadable: string;
  editNoAnswer: string;
  editNoProfile: string;

  // Connection failures the widget itself reports
  noConnectionConfigured: string;
  tokenEndpointFailed: (endpoint: string, status: number) => string;
  tokenEndpointInvalid: (endpoint: string) => string;
}
