import type { InterviewStage } from "@voice-onboarding/protocol";
import { AnimatePresence } from "framer-motion";
import { resolveLabels } from "../labels.js";
import { Card, cardState } from "./card.js";
import { useItemStates } from "./item-state.js";
import { useFocusAfterMove } from "./stage-focus.js";
import { StageItem } from "./stage-item.js";
import type { CardCommonProps } from "./types.js";

export interface StagesCardProps extends CardCommonProps {
  stages: readonly InterviewStage[];
}

/** The interview process as an ordered timeline; moving a stage sends the whole new order. */
export function StagesCard({ stages, ...common }: StagesCardProps) {
  const labels = resolveLabels(common.labels);
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const ids = ordered.map((stage) => stage.id);
  const stateOf = useItemStates(ids, common);
  const { onEdit } = common;
  const { listRef, rememberMove } = useFocusAfterMove(ids.join(" "));

  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    if (moved === undefined || !onEdit) return;
    next.splice(to, 0, moved);
    rememberMove(moved, to < from ? "up" : "down");
    onEdit({ type: "stages.reorder", data: { stageIds: next } });
  };

  return (
    <Card
      name="stages"
      title={labels.stagesTitle}
      state={cardState(stages.length, ["stages", "interview_stages"], common.highlighted)}
      emptyText={labels.stagesEmpty}
      className={common.className}
    >
      {ordered.length > 0 && (
        <ol className="vo-list vo-timeline" ref={listRef}>
          <AnimatePresence initial={false}>
            {ordered.map((stage, index) => (
              <StageItem
                key={stage.id}
                stage={stage}
                position={index + 1}
                state={stateOf(stage.id)}
                labels={labels}
                onEdit={onEdit}
                rejected={common.rejected}
                onMoveUp={index > 0 ? () => move(index, index - 1) : undefined}
                onMoveDown={index < ordered.length - 1 ? () => move(index, index + 1) : undefined}
              />
            ))}
          </AnimatePresence>
        </ol>
      )}
    </Card>
  );
}
