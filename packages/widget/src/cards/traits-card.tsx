import { TRAIT_PRIORITIES, type Trait } from "@voice-onboarding/protocol";
import { AnimatePresence } from "framer-motion";
import { memo, useId } from "react";
import { listPresence } from "../motion/presets.js";
import { Card, cardState } from "./card.js";
import { AddItem } from "./edit/add-item.js";
import { newId } from "./edit/new-id.js";
import { UndoNotice, useUndoableDelete } from "./edit/undo.js";
import { Heading } from "./heading.js";
import { useItemStates } from "./item-state.js";
import { TraitEditor } from "./trait-editor.js";
import { TraitItem } from "./trait-item.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface TraitsCardProps extends CardCommonProps {
  traits: readonly Trait[];
}

/** Traits grouped must-have first, then nice-to-have; signals as chips. */
export const TraitsCard = memo(function TraitsCard({ traits, ...common }: TraitsCardProps) {
  const labels = useCardLabels(common.labels);
  const stateOf = useItemStates(
    traits.map((trait) => trait.id),
    common,
  );
  const groupId = useId();
  const { onEdit, undoable, undo, setPaused } = useUndoableDelete(common.onEdit, (edit) => {
    if (edit.type !== "trait.delete") return null;
    const trait = traits.find((candidate) => candidate.id === edit.data.traitId);
    return trait ? { name: trait.name, restore: { type: "trait.add", data: { trait } } } : null;
  });
  return (
    <Card
      name="traits"
      title={labels.traitsTitle}
      state={cardState(traits.length, ["traits"], common.highlighted)}
      emptyText={labels.traitsEmpty}
      className={common.className}
      aside={
        traits.length > 0 && (
          <span className="vo-card__count" aria-hidden="true">
            {traits.length}
          </span>
        )
      }
    >
      {TRAIT_PRIORITIES.map((priority) => {
        const group = traits.filter((trait) => trait.priority === priority);
        if (group.length === 0) return null;
        const headingId = `${groupId}-${priority}`;
        return (
          <div className="vo-group" data-group={priority} key={priority}>
            <Heading depth={1} className="vo-group__title" id={headingId}>
              {labels.traitPriorities[priority]} <span className="vo-group__count">{group.length}</span>
            </Heading>
            <ul className="vo-list" aria-labelledby={headingId}>
              <AnimatePresence {...listPresence}>
                {group.map((trait) => (
                  <TraitItem
                    key={trait.id}
                    trait={trait}
                    state={stateOf(trait.id)}
                    labels={labels}
                    onEdit={onEdit}
                    rejected={common.rejected?.id === trait.id ? common.rejected : null}
                  />
                ))}
              </AnimatePresence>
            </ul>
          </div>
        );
      })}
      {onEdit && (
        <>
          <UndoNotice undoable={undoable} labels={labels} onUndo={undo} onPause={setPaused} />
          <AddItem label={labels.addTrait}>
            {(close) => (
              <TraitEditor
                trait={null}
                labels={labels}
                onCancel={close}
                onSave={(fields) => {
                  onEdit({ type: "trait.add", data: { trait: { id: newId("trait"), ...fields } } });
                  close();
                }}
              />
            )}
          </AddItem>
        </>
      )}
    </Card>
  );
});
