import { useCallback, useContext, useMemo } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { useOnboardingContext } from "../../hooks/use-onboarding-context.js";
import { type CardName, cardOfEdit } from "../../store/card-of.js";
import type { PendingEdit } from "../../store/types.js";
import type { CardCommonProps, EditDraft } from "../types.js";
import { ReadOnlyContext } from "./read-only.js";

type StoreCommonProps = Required<Pick<CardCommonProps, "highlighted" | "pendingIds" | "rejected">> &
  Pick<CardCommonProps, "onEdit">;

function pendingIdsOf(pendingEdits: Record<string, PendingEdit>, card: CardName): string[] {
  return Object.values(pendingEdits)
    .filter((edit) => cardOfEdit(edit.command.type, edit.itemIds) === card)
    .flatMap((edit) => edit.itemIds);
}

/**
 * The highlight, pending and rejected ids of one card, and the session's edit. Each value keeps its
 * identity while it has the same content, so a memoized card skips messages about other cards.
 */
export function useCardCommon(card: CardName): StoreCommonProps {
  const { store, session } = useOnboardingContext("useCardCommon");
  const highlighted = useStore(store, (state) => state.highlights[card]);
  const pendingIds = useStore(
    store,
    useShallow((state) => pendingIdsOf(state.pendingEdits, card)),
  );
  const lastRejected = useStore(store, ({ lastRejected }) =>
    lastRejected && cardOfEdit(lastRejected.type, lastRejected.itemIds) === card ? lastRejected : null,
  );
  const rejected = useMemo(
    () => (lastRejected?.itemIds[0] ? { id: lastRejected.itemIds[0], reason: lastRejected.reason } : null),
    [lastRejected],
  );
  const onEdit = useCallback((draft: EditDraft) => void session.edit(draft), [session]);
  const readOnly = useContext(ReadOnlyContext);
  return { highlighted, pendingIds, rejected, onEdit: readOnly ? undefined : onEdit };
}
