import type { InterviewStage } from "@voice-onboarding/protocol";
import { AnimatePresence } from "framer-motion";
import { memo, useCallback, useRef } from "react";
import { listPresence } from "../motion/presets.js";
import { SlideOnReorder } from "../motion/slide-on-reorder.js";
import { Card, cardState } from "./card.js";
import { AddItem } from "./edit/add-item.js";
import { newId } from "./edit/new-id.js";
import { UndoNotice, useUndoableDelete } from "./edit/undo.js";
import { useItemStates } from "./item-state.js";
import { newStage, StageEditor } from "./stage-editor.js";
import { useFocusAfterMove } from "./stage-focus.js";
import { StageItem } from "./stage-item.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface StagesCardProps extends CardCommonProps {
  stages: readonly InterviewStage[];
}

/** The same array while its items are, so a callback built on it stays the same across renders. */
function useSameWhileEqual(values: readonly string[]): readonly string[] {
  const kept = useRef(values);
  const same =
    kept.current.length === values.length && kept.current.every((value, index) => value === values[index]);
  if (!same) kept.current = values;
  return kept.current;
}

/** The interview process as an ordered timeline; moving a stage sends the whole new order. */
export const StagesCard = memo(function StagesCard({ stages, ...common }: StagesCardProps) {
  const labels = useCardLabels(common.labels);
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const ids = useSameWhileEqual(ordered.map((stage) => stage.id));
  const stateOf = useItemStates(ids, common);
  const { onEdit, undoable, undo, setPaused } = useUndoableDelete(common.onEdit, (edit) => {
    if (edit.type !== "stage.delete") return null;
    const stage = stages.find((candidate) => candidate.id === edit.data.stageId);
    // Its old `order` puts it back in its place.
    return stage ? { name: stage.name, restore: { type: "stage.add", data: { stage } } } : null;
  });
  const order = ids.join(" ");
  const { listRef, rememberMove } = useFocusAfterMove(order);

  // Stable while the order is, so a stage update re-renders only that stage's item.
  const move = useCallback(
    (id: string, direction: "up" | "down") => {
      const from = ids.indexOf(id);
      const to = direction === "up" ? from - 1 : from + 1;
      if (from === -1 || to < 0 || to >= ids.length || !onEdit) return;
      const next = ids.filter((other) => other !== id);
      next.splice(to, 0, id);
      rememberMove(id, direction);
      onEdit({ type: "stages.reorder", data: { stageIds: next } });
    },
    [ids, onEdit, rememberMove],
  );

  return (
    <Card
      name="stages"
      title={labels.stagesTitle}
      state={cardState(stages.length, ["stages", "interview_stages"], common.highlighted)}
      emptyText={labels.stagesEmpty}
      className={common.className}
    >
      <SlideOnReorder listRef={listRef} order={order} />
      {ordered.length > 0 && (
        <ol className="vo-list vo-timeline" ref={listRef}>
          <AnimatePresence {...listPresence}>
            {ordered.map((stage, index) => (
              <StageItem
                key={stage.id}
                stage={stage}
                position={index + 1}
                state={stateOf(stage.id)}
                labels={labels}
                onEdit={onEdit}
                last={index === ordered.length - 1}
                rejected={common.rejected?.id === stage.id ? common.rejected : null}
                onMove={move}
              />
            ))}
          </AnimatePresence>
        </ol>
      )}
      {onEdit && (
        <>
          <UndoNotice undoable={undoable} labels={labels} onUndo={undo} onPause={setPaused} />
          <AddItem label={labels.addStage}>
            {(close) => (
              <StageEditor
                stage={null}
                labels={labels}
                onCancel={close}
                onSave={(fields) => {
                  const stage = newStage(newId("stage"), ordered.length + 1, fields);
                  onEdit({ type: "stage.add", data: { stage } });
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
