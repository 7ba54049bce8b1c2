import type { JobProfile, ProtocolMessage, Requirements } from "@voice-onboarding/protocol";
import { formatList } from "../format/intl.js";
import { en } from "../i18n/en.js";
import type { Messages } from "../i18n/messages.js";
import type { AnnouncedRequirement } from "../i18n/status-messages.js";

/** Which announced name each requirement key has: both experience bounds read as "experience". */
const ANNOUNCED_AS: Record<keyof Requirements, AnnouncedRequirement> = {
  jobTitle: "job_title",
  workplaceType: "workplace_type",
  locationCity: "location",
  onsiteDaysPerWeek: "onsite_days",
  visaSponsorship: "visa",
  experienceMinYears: "experience",
  experienceMaxYears: "experience",
  compensation: "compensation",
  equityOffered: "equity",
  equityRange: "equity",
};
const REQUIREMENT_KEYS = Object.keys(ANNOUNCED_AS) as (keyof Requirements)[];

function changedRequirements(previous: Requirements | undefined, next: Requirements): AnnouncedRequirement[] {
  const changed = REQUIREMENT_KEYS.filter(
    (key) => JSON.stringify(previous?.[key]) !== JSON.stringify(next[key]),
  );
  return [...new Set(changed.map((key) => ANNOUNCED_AS[key]))];
}

function nameOf(items: readonly { id: string; name: string }[] | undefined, id: string): string {
  return items?.find((item) => item.id === id)?.name ?? id;
}

/**
 * One plain sentence for the aria-live region in the catalogue's language, e.g. "Added trait:
 * Distributed Systems".
 */
export function describeChange(
  message: ProtocolMessage,
  previous: JobProfile | null,
  messages: Messages = en,
): string {
  const m = messages;
  switch (message.type) {
    case "profile.snapshot":
      return m.announceProfileLoaded;
    case "company.updated":
      return m.announceCompanyUpdated(message.data.company.name);
    case "requirements.updated": {
      const changed = changedRequirements(previous?.requirements, message.data.requirements);
      if (changed.length === 0) return m.announceRequirementsUpdated;
      const words = changed.map((field) => m.announcedRequirements[field]);
      return m.announceRequirementsChanged(formatList(words, m.locale));
    }
    case "trait.created":
      return m.announceTraitAdded(message.data.trait.name);
    case "trait.updated":
      return m.announceTraitUpdated(message.data.trait.name);
    case "trait.deleted":
      return m.announceTraitRemoved(nameOf(previous?.traits, message.data.traitId));
    case "stage.created":
      return m.announceStageAdded(message.data.stage.name);
    case "stage.updated":
      return m.announceStageUpdated(message.data.stage.name);
    case "stage.deleted":
      return m.announceStageRemoved(nameOf(previous?.stages, message.data.stageId));
    case "stages.reordered":
      return m.announceStagesReordered;
    case "nuance.captured":
      return m.announceNuanceNoted(message.data.nuance.insight);
    case "nuance.updated":
      return m.announceNuanceUpdated(message.data.nuance.insight);
    case "nuance.deleted":
      return m.announceNuanceRemoved;
    case "field.confirmed":
      return m.announceFieldConfirmed(m.requiredFields[message.data.field] ?? message.data.field);
    case "onboarding.completed":
      return m.announceOnboardingComplete;
  }
}

/** Ids a message touched, for the brief highlight on the card that changed. */
export function changedIds(message: ProtocolMessage, previous: JobProfile | null): string[] {
  switch (message.type) {
    case "trait.created":
    case "trait.updated":
      return [message.data.trait.id];
    case "trait.deleted":
      return [message.data.traitId];
    case "stage.created":
    case "stage.updated":
      return [message.data.stage.id];
    case "stage.deleted":
      return [message.data.stageId];
    case "stages.reordered":
      return message.data.stageIds;
    case "nuance.captured":
    case "nuance.updated":
      return [message.data.nuance.id];
    case "nuance.deleted":
      return [message.data.nuanceId];
    case "field.confirmed":
      return [message.data.field];
    case "requirements.updated": {
      const before = previous?.requirements;
      const changed = REQUIREMENT_KEYS.filter(
        (key) => JSON.stringify(before?.[key]) !== JSON.stringify(message.data.requirements[key]),
      );
      return ["requirements", ...changed];
    }
    case "company.updated":
      return ["company"];
    case "onboarding.completed":
      return ["completion"];
    case "profile.snapshot":
      return [];
  }
}
