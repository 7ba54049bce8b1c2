import type { Nuance } from "@voice-onboarding/protocol";
import { memo } from "react";
import type { CardMessages } from "../i18n/card-messages.js";
import { m } from "../motion/index.js";
import { listItemMotion } from "../motion/presets.js";
import { ItemActions, ItemStatus } from "./edit/item-controls.js";
import { useEditToggle } from "./edit/use-edit-toggle.js";
import { NuanceEditor, nuanceUpdate } from "./nuance-editor.js";
import type { CardCommonProps, ItemState } from "./types.js";

interface NuanceItemProps extends Pick<CardCommonProps, "onEdit" | "rejected"> {
  nuance: Nuance;
  state: ItemState;
  labels: CardMessages;
}

/** Insights can run to 1000 characters; a button's name should not. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export const NuanceItem = memo(function NuanceItem({
  nuance,
  state,
  labels,
  onEdit,
  rejected,
}: NuanceItemProps) {
  const { editing, open, close, editButtonRef } = useEditToggle();
  const name = shorten(nuance.insight);
  return (
    <m.li {...listItemMotion} className="vo-item vo-nuance" data-id={nuance.id} data-state={state}>
      {editing && onEdit ? (
        <NuanceEditor
          nuance={nuance}
          title={name}
          labels={labels}
          onCancel={close}
          onSave={(fields) => {
            const data = nuanceUpdate(nuance, fields);
            if (data) onEdit({ type: "nuance.update", data });
            close();
          }}
        />
      ) : (
        <>
          <div className="vo-item__head">
            <p className="vo-item__text">{nuance.insight}</p>
            {onEdit && (
              <ItemActions
                name={name}
                labels={labels}
                editButtonRef={editButtonRef}
                onEditClick={open}
                onDelete={() => onEdit({ type: "nuance.delete", data: { nuanceId: nuance.id } })}
              />
            )}
          </div>
          {nuance.verbatimQuote && (
            <figure className="vo-quote">
              <blockquote className="vo-quote__text">
                <p className="vo-quote__line">“{nuance.verbatimQuote}”</p>
              </blockquote>
              <figcaption className="vo-quote__caption">{labels.nuanceQuote}</figcaption>
            </figure>
          )}
        </>
      )}
      <ItemStatus state={state} rejection={rejected} labels={labels} />
    </m.li>
  );
});
