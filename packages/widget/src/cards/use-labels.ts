import { useMemo } from "react";
import { type CardLabels, resolveLabels } from "../labels.js";

/** Resolved once per overrides object, so memoized items receive the same labels every render. */
export function useCardLabels(overrides?: Partial<CardLabels>): CardLabels {
  return useMemo(() => resolveLabels(overrides), [overrides]);
}
