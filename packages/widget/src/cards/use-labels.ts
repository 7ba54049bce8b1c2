import type { CardMessages } from "../i18n/card-messages.js";
import { useMessagesWith } from "../i18n/use-messages.js";

/**
 * The card's strings: the surrounding `MessagesProvider`'s language (English outside one) with the
 * card's `labels` prop on top. Resolved once per pair, so memoized items receive the same object.
 */
export function useCardLabels(overrides?: Partial<CardMessages>): CardMessages {
  return useMessagesWith(overrides);
}
