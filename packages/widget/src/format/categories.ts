import type { FundingStage, NuanceCategory, RequiredField, TraitPriority } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";

export const nuanceCategoryName = (
  category: NuanceCategory,
  labels: Pick<CardMessages, "nuanceCategories">,
) => labels.nuanceCategories[category];

export const traitPriorityName = (priority: TraitPriority, labels: Pick<CardMessages, "traitPriorities">) =>
  labels.traitPriorities[priority];

export const fundingStageName = (stage: FundingStage, labels: Pick<CardMessages, "fundingStages">) =>
  labels.fundingStages[stage];

/** A required field in plain words, as the completion card lists what is missing. */
export const requiredFieldName = (field: RequiredField, labels: Pick<CardMessages, "requiredFields">) =>
  labels.requiredFields[field];
