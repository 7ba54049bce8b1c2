import type { CardMessages } from "./i18n/card-messages.js";
import { en } from "./i18n/en.js";

/**
 * The cards' strings.
 * @deprecated Since the message catalogue: use `Messages` (all of the widget's strings) or `CardMessages`.
 */
export type CardLabels = CardMessages;

/**
 * The English card strings.
 * @deprecated Use the English catalogue `en` (or `useMessages()` for the current language).
 */
export const DEFAULT_CARD_LABELS: CardLabels = en;
