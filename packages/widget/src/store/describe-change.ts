import type { JobProfile, ProtocolMessage, Requirements } from "@voice-onboarding/protocol";

const REQUIREMENT_WORDS: Record<keyof Requirements, string> = {
  jobTitle: "job title",
  workplaceType: "workplace type",
  locationCity: "location",
  onsiteDaysPerWeek: "onsite days",
  visaSponsorship: "visa sponsorship",
  experienceMinYears: "experience",
  experienceMaxYears: "experience",
  compensation: "compensation",
  equityOffered: "equity",
  equityRange: "equity",
};

const FIELD_WORDS: Record<string, string> = {
  job_title: "job title",
  location: "location",
  experience: "experience",
  compensation: "compensation",
  visa: "visa sponsorship",
  equity: "equity",
  traits: "traits",
  interview_stages: "interview stages",
};

function changedRequirements(previous: Requirements | undefined, next: Requirements): string[] {
  const keys = Object.keys(REQUIREMENT_WORDS) as (keyof Requirements)[];
  const changed = keys.filter((key) => JSON.stringify(previous?.[key]) !== JSON.stringify(next[key]));
  return [...new Set(changed.map((key) => REQUIREMENT_WORDS[key]))];
}

function nameOf(items: readonly { id: string; name: string }[] | undefined, id: string): string {
  return items?.find((item) => item.id === id)?.name ?? id;
}

/** One plain sentence for the aria-live region, e.g. "Added trait: Distributed Systems". */
export function describeChange(message: ProtocolMessage, previous: JobProfile | null): string {
  switch (message.type) {
    case "profile.snapshot":
      return "Profile loaded";
    case "company.updated":
      return `Updated company: ${message.data.company.name}`;
    case "requirements.updated": {
      const changed = changedRequirements(previous?.requirements, message.data.requirements);
      return changed.length > 0 ? `Updated ${changed.join(", ")}` : "Updated requirements";
    }
    case "trait.created":
      return `Added trait: ${message.data.trait.name}`;
    case "trait.updated":
      return `Updated trait: ${message.data.trait.name}`;
    case "trait.deleted":
      return `Removed trait: ${nameOf(previous?.traits, message.data.traitId)}`;
    case "stage.created":
      return `Added interview stage: ${message.data.stage.name}`;
    case "stage.updated":
      return `Updated interview stage: ${message.data.stage.name}`;
    case "stage.deleted":
      return `Removed interview stage: ${nameOf(previous?.stages, message.data.stageId)}`;
    case "stages.reordered":
      return "Reordered interview stages";
    case "nuance.captured":
      return `Noted: ${message.data.nuance.insight}`;
    case "nuance.updated":
      return `Updated note: ${message.data.nuance.insight}`;
    case "nuance.deleted":
      return "Removed a note";
    case "field.confirmed":
      return `Confirmed ${FIELD_WORDS[message.data.field] ?? message.data.field}`;
    case "onboarding.completed":
      return "Onboarding complete";
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
      const keys = Object.keys(REQUIREMENT_WORDS) as (keyof Requirements)[];
      const before = previous?.requirements;
      const changed = keys.filter(
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
