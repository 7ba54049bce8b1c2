"use client";

export { MessagesProvider, type MessagesProviderProps, useMessages } from "../i18n/use-messages.js";
export { MotionProvider } from "../motion/index.js";
export type { CardState } from "./card.js";
export { CompanyCard, type CompanyCardProps } from "./company-card.js";
export { CompletionCard, type CompletionCardProps } from "./completion-card.js";
export { HeadingLevelContext } from "./heading.js";
export { NuancesCard, type NuancesCardProps } from "./nuances-card.js";
export { ProfileCards, type ProfileCardsProps } from "./profile-cards.js";
export { RequirementsCard, type RequirementsCardProps } from "./requirements/requirements-card.js";
export { StagesCard, type StagesCardProps } from "./stages-card.js";
export { TraitsCard, type TraitsCardProps } from "./traits-card.js";
export type { CardCommonProps, EditDraft, EditDraftOf, ItemState } from "./types.js";
