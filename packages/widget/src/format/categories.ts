import type { FundingStage, NuanceCategory, RequiredField, TraitPriority } from "@voice-onboarding/protocol";
import type { CardMessages as CardLabels } from "../i18n/card-messages.js";

export const nuanceCategoryName = (category: NuanceCategory, labels: Pick<CardLabels, "nuanceCategories">) =>
  labels.nuanceCategories[category];

export const traitPriorityName = (priority: TraitPriority, labels: Pick<CardLabels, "traitPriorities">) =>
  labels.traitPriorities[priority];

export const fundingStageName = (stage: FundingStage, labels: Pick<CardLabels, "fundingStages">) =>
  labels.fundingStages[stage];

/** A required field in plain words, as the completion card lists what is missing. */
export const requiredFieldName = (field: RequiredField, labels: Pick<CardLabels, "requiredFields">) =>
  labels.requiredFields[field];
