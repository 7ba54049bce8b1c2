import { useMessagesWith } from "../i18n/use-messages.js";
import type { CardLabels } from "../labels.js";

/**
 * The card's strings: the surrounding `MessagesProvider`'s language (English outside one) with the
 * card's `labels` prop on top. Resolved once per pair, so memoized items receive the same object.
 */
export function useCardLabels(overrides?: Partial<CardLabels>): CardLabels {
  return useMessagesWith(overrides);
}
