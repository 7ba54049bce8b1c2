import { NUANCE_CATEGORIES, type Nuance } from "@voice-onboarding/protocol";
import { AnimatePresence } from "framer-motion";
import { memo, useId } from "react";
import { nuanceCategoryName } from "../format/categories.js";
import { listPresence } from "../motion/presets.js";
import { Card, cardState } from "./card.js";
import { AddItem } from "./edit/add-item.js";
import { newId } from "./edit/new-id.js";
import { UndoNotice, useUndoableDelete } from "./edit/undo.js";
import { Heading } from "./heading.js";
import { useItemStates } from "./item-state.js";
import { NuanceEditor } from "./nuance-editor.js";
import { NuanceItem, shorten } from "./nuance-item.js";
import { NuanceMarker } from "./nuance-marker.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface NuancesCardProps extends CardCommonProps {
  nuances: readonly Nuance[];
}

/** What the recruiter let slip, grouped by category in the protocol's order. */
export const NuancesCard = memo(function NuancesCard({ nuances, ...common }: NuancesCardProps) {
  const labels = useCardLabels(common.labels);
  const stateOf = useItemStates(
    nuances.map((nuance) => nuance.id),
    common,
  );
  const groupId = useId();
  const { onEdit, undoable, undo, setPaused } = useUndoableDelete(common.onEdit, (edit) => {
    if (edit.type !== "nuance.delete") return null;
    const nuance = nuances.find((candidate) => candidate.id === edit.data.nuanceId);
    return nuance
      ? { name: shorten(nuance.insight), restore: { type: "nuance.add", data: { nuance } } }
      : null;
  });
  return (
    <Card
      name="nuances"
      title={labels.nuancesTitle}
      state={cardState(nuances.length, ["nuances"], common.highlighted)}
      emptyText={labels.nuancesEmpty}
      className={common.className}
    >
      {NUANCE_CATEGORIES.map((category) => {
        const group = nuances.filter((nuance) => nuance.category === category);
        if (group.length === 0) return null;
        const headingId = `${groupId}-${category}`;
        return (
          <div className="vo-group" data-group={category} key={category}>
            <Heading depth={1} className="vo-group__title" id={headingId}>
              <NuanceMarker category={category} />
              {nuanceCategoryName(category, labels)}
            </Heading>
            <ul className="vo-list" aria-labelledby={headingId}>
              <AnimatePresence {...listPresence}>
                {group.map((nuance) => (
                  <NuanceItem
                    key={nuance.id}
                    nuance={nuance}
                    state={stateOf(nuance.id)}
                    labels={labels}
                    onEdit={onEdit}
                    rejected={common.rejected?.id === nuance.id ? common.rejected : null}
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
          <AddItem label={labels.addNuance}>
            {(close) => (
              <NuanceEditor
                nuance={null}
                title={labels.addNuance}
                labels={labels}
                onCancel={close}
                onSave={(fields) => {
                  onEdit({ type: "nuance.add", data: { nuance: { id: newId("nuance"), ...fields } } });
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
