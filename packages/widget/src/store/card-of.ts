import type { EditCommandType, MessageType } from "@voice-onboarding/protocol";

/** The six cards, by the `vo-card--` name each renders, in the widget's default order. */
export const CARD_NAMES = ["completion", "company", "requirements", "traits", "stages", "nuances"] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** Ids highlighted on each card: only the entry of the card a message concerns is replaced. */
export type CardHighlights = Readonly<Record<CardName, readonly string[]>>;

const NONE: readonly string[] = Object.freeze([]);

export const NO_HIGHLIGHTS: CardHighlights = Object.freeze({
  completion: NONE,
  company: NONE,
  requirements: NONE,
  traits: NONE,
  stages: NONE,
  nuances: NONE,
});

/** A confirmed field belongs to the card that shows it: traits and stages have their own. */
function cardOfField(field: string | undefined): CardName {
  if (field === "traits") return "traits";
  if (field === "interview_stages") return "stages";
  return "requirements";
}

/** The card an agent message changes; `null` for a snapshot, which may change them all. */
export function cardOfMessage(type: MessageType, ids: readonly string[]): CardName | null {
  if (type === "profile.snapshot") return null;
  if (type === "company.updated") return "company";
  if (type === "onboarding.completed") return "completion";
  if (type === "field.confirmed") return cardOfField(ids[0]);
  if (type.startsWith("trait.")) return "traits";
  if (type.startsWith("stage")) return "stages";
  if (type.startsWith("nuance.")) return "nuances";
  return "requirements";
}

/** The card a recruiter edit is about, from its command type and touched ids. */
export function cardOfEdit(type: EditCommandType, itemIds: readonly string[]): CardName {
  if (type === "field.confirm") return cardOfField(itemIds[0]);
  if (type.startsWith("trait.")) return "traits";
  if (type.startsWith("stage")) return "stages";
  if (type.startsWith("nuance.")) return "nuances";
  return "requirements";
}
