import type { Trait } from "@voice-onboarding/protocol";
import { memo } from "react";
import type { CardMessages } from "../i18n/card-messages.js";
import { m } from "../motion/index.js";
import { listItemMotion } from "../motion/presets.js";
import { ItemActions, ItemStatus } from "./edit/item-controls.js";
import { useEditToggle } from "./edit/use-edit-toggle.js";
import { Heading } from "./heading.js";
import { TraitEditor, traitUpdate } from "./trait-editor.js";
import type { CardCommonProps, ItemState } from "./types.js";

interface TraitItemProps extends Pick<CardCommonProps, "onEdit" | "rejected"> {
  trait: Trait;
  state: ItemState;
  labels: CardMessages;
}

/** Memoized: a message about one trait re-renders that trait only (the reducer keeps the others' objects). */
export const TraitItem = memo(function TraitItem({ trait, state, labels, onEdit, rejected }: TraitItemProps) {
  const { editing, open, close, editButtonRef } = useEditToggle();
  return (
    <m.li {...listItemMotion} className="vo-item vo-trait" data-id={trait.id} data-state={state}>
      {editing && onEdit ? (
        <TraitEditor
          trait={trait}
          labels={labels}
          onCancel={close}
          onSave={(fields) => {
            const data = traitUpdate(trait, fields);
            if (data) onEdit({ type: "trait.update", data });
            close();
          }}
        />
      ) : (
        <>
          <div className="vo-item__head">
            <Heading depth={2} className="vo-item__title">
              {trait.name}
            </Heading>
            {onEdit && (
              <ItemActions
                name={trait.name}
                labels={labels}
                editButtonRef={editButtonRef}
                onEditClick={open}
                onDelete={() => onEdit({ type: "trait.delete", data: { traitId: trait.id } })}
              />
            )}
          </div>
          <p className="vo-item__text">{trait.description}</p>
          {trait.signals.length > 0 && (
            <ul className="vo-chips" aria-label={labels.traitSignals}>
              {trait.signals.map((signal) => (
                <li className="vo-chip" key={signal}>
                  {signal}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ItemStatus state={state} rejection={rejected} labels={labels} />
    </m.li>
  );
});
