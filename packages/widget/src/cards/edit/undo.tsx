import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CardMessages } from "../../i18n/card-messages.js";
import type { EditDraft } from "../types.js";

/** How long "Undo" stays after a delete (paused while the pointer or focus is on it). */
export const UNDO_MS = 8_000;

export interface Undoable {
  /** What was deleted, for the notice and the button's name. */
  name: string;
  /** The edit that puts it back. */
  restore: EditDraft;
}

/**
 * Wraps a card's `onEdit` so a delete can be taken back for a few seconds. The delete is sent at
 * once and the undo sends the item back (`trait.add`, `stage.add` at its old place, `nuance.add`,
 * same id and content) rather than holding the delete back: what the card shows is then always
 * what is stored, a delete is not lost when the page closes within the delay, and the agent hears
 * both changes in order.
 */
export function useUndoableDelete(
  onEdit: ((edit: EditDraft) => void) | undefined,
  undoableOf: (edit: EditDraft) => Undoable | null,
) {
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [paused, setPaused] = useState(false);
  // The latest items without changing the wrapped onEdit: memoized items keep their props.
  const latestUndoableOf = useRef(undoableOf);
  latestUndoableOf.current = undoableOf;

  useEffect(() => {
    if (!undoable || paused) return;
    const timer = setTimeout(() => setUndoable(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable, paused]);

  const wrappedOnEdit = useMemo(
    () =>
      onEdit &&
      ((edit: EditDraft) => {
        const next = latestUndoableOf.current(edit);
        onEdit(edit);
        if (next) setUndoable(next);
      }),
    [onEdit],
  );
  const undo = useCallback(() => {
    if (undoable && onEdit) onEdit(undoable.restore);
    setUndoable(null);
    setPaused(false);
  }, [undoable, onEdit]);
  return { onEdit: wrappedOnEdit, undoable, undo, setPaused };
}

interface UndoNoticeProps {
  undoable: Undoable | null;
  labels: Pick<CardMessages, "deleted" | "undo" | "undoDelete">;
  onUndo: () => void;
  onPause: (paused: boolean) => void;
}

/** A polite live region that is always there (so screen readers announce what appears in it). */
export function UndoNotice({ undoable, labels, onUndo, onPause }: UndoNoticeProps) {
  return (
    <div
      className="vo-undo"
      role="status"
      onFocus={() => onPause(true)}
      onBlur={() => onPause(false)}
      onPointerEnter={() => onPause(true)}
      onPointerLeave={() => onPause(false)}
    >
      {undoable && (
        <>
          <span className="vo-undo__text">{labels.deleted(undoable.name)}</span>
          <button
            type="button"
            className="vo-button"
            aria-label={labels.undoDelete(undoable.name)}
            onClick={onUndo}
          >
            {labels.undo}
          </button>
        </>
      )}
    </div>
  );
}
