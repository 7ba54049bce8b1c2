import type { ReactNode } from "react";
import { useEditToggle } from "./use-edit-toggle.js";

interface AddItemProps {
  label: string;
  /** The editor, given `close` to call after saving or cancelling (focus returns to the button). */
  children: (close: () => void) => ReactNode;
}

/** "Add …" under a card's list: opens an inline editor in its place. */
export function AddItem({ label, children }: AddItemProps) {
  const { editing, open, close, editButtonRef } = useEditToggle();
  return (
    <div className="vo-add">
      {editing ? (
        children(close)
      ) : (
        <button type="button" className="vo-button" ref={editButtonRef} onClick={open}>
          {label}
        </button>
      )}
    </div>
  );
}
