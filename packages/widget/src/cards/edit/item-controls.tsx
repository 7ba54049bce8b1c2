import { type ReactNode, type Ref, useRef } from "react";
import type { CardMessages } from "../../i18n/card-messages.js";
import type { ItemState } from "../types.js";
import { Icon, type IconName } from "./icons.js";

interface IconButtonProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  /** Finds the button again after a re-render, e.g. "move-up". */
  name?: string;
}

export function IconButton({ icon, label, onClick, disabled, buttonRef, name }: IconButtonProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      name={name}
      className="vo-icon-button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

interface ItemActionsProps {
  name: string;
  labels: Pick<CardMessages, "editItem" | "deleteItem">;
  editButtonRef: Ref<HTMLButtonElement>;
  onEditClick: () => void;
  onDelete: () => void;
  /** Extra buttons before edit/delete, e.g. move up/down. */
  children?: ReactNode;
}

/**
 * The delete button leaves with its item: focus moves to the next item's first action, else the
 * previous item's, else the card's title, never to the page's body.
 */
function focusAfterDelete(button: HTMLElement | null) {
  const item = button?.closest<HTMLElement>("[data-id]");
  const neighbours = [item?.nextElementSibling, item?.previousElementSibling];
  const action = neighbours
    .map((neighbour) => neighbour?.querySelector<HTMLElement>(".vo-item__actions button"))
    .find(Boolean);
  (action ?? button?.closest(".vo-card")?.querySelector<HTMLElement>(".vo-card__title"))?.focus();
}

export function ItemActions({
  name,
  labels,
  editButtonRef,
  onEditClick,
  onDelete,
  children,
}: ItemActionsProps) {
  const deleteButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="vo-item__actions">
      {children}
      <IconButton icon="edit" label={labels.editItem(name)} onClick={onEditClick} buttonRef={editButtonRef} />
      <IconButton
        icon="delete"
        label={labels.deleteItem(name)}
        buttonRef={deleteButton}
        onClick={() => {
          focusAfterDelete(deleteButton.current);
          onDelete();
        }}
      />
    </div>
  );
}

interface ItemStatusProps {
  state: ItemState;
  rejection: { id: string; reason: string } | null | undefined;
  labels: Pick<CardMessages, "pending" | "rejected">;
}

/** "Waiting for the agent…" while an edit is pending; the agent's reason after a rollback. */
export function ItemStatus({ state, rejection, labels }: ItemStatusProps) {
  if (state === "pending") {
    return (
      <p className="vo-item__status" data-state="pending">
        {labels.pending}
      </p>
    );
  }
  if (state === "rejected" && rejection) {
    return (
      <p className="vo-item__status" data-state="rejected" role="alert">
        <strong>{labels.rejected}:</strong> {rejection.reason}
      </p>
    );
  }
  return null;
}
