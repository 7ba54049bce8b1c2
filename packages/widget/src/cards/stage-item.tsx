import type { InterviewStage } from "@voice-onboarding/protocol";
import { memo } from "react";
import type { CardMessages } from "../i18n/card-messages.js";
import { m } from "../motion/index.js";
import { listItemMotion } from "../motion/presets.js";
import { IconButton, ItemActions, ItemStatus } from "./edit/item-controls.js";
import { useEditToggle } from "./edit/use-edit-toggle.js";
import { Heading } from "./heading.js";
import { StageEditor, stageUpdate } from "./stage-editor.js";
import type { CardCommonProps, ItemState } from "./types.js";

interface StageItemProps extends Pick<CardCommonProps, "onEdit" | "rejected"> {
  stage: InterviewStage;
  /** 1-based place in the timeline as shown. */
  position: number;
  /** Whether this is the last stage: it cannot move down. */
  last: boolean;
  state: ItemState;
  labels: CardMessages;
  /** One callback for every item, taking the stage's id, so it stays equal across renders. */
  onMove: (id: string, direction: "up" | "down") => void;
}

export const StageItem = memo(function StageItem({
  stage,
  position,
  last,
  state,
  labels,
  onEdit,
  rejected,
  onMove,
}: StageItemProps) {
  const { editing, open, close, editButtonRef } = useEditToggle();
  const details = [
    stage.durationMinutes !== undefined ? labels.stageDurationValue(stage.durationMinutes) : undefined,
    stage.interviewerRole,
  ].filter(Boolean);
  return (
    <m.li {...listItemMotion} className="vo-item vo-stage" data-id={stage.id} data-state={state}>
      <span className="vo-stage__marker" aria-hidden="true">
        {position}
      </span>
      <div className="vo-stage__body">
        {editing && onEdit ? (
          <StageEditor
            stage={stage}
            labels={labels}
            onCancel={close}
            onSave={(fields) => {
              const data = stageUpdate(stage, fields);
              if (data) onEdit({ type: "stage.update", data });
              close();
            }}
          />
        ) : (
          <>
            <div className="vo-item__head">
              <Heading depth={1} className="vo-item__title">
                <span className="vo-visually-hidden">{labels.stageNumber(position)}: </span>
                {stage.name}
              </Heading>
              {onEdit && (
                <ItemActions
                  name={stage.name}
                  labels={labels}
                  editButtonRef={editButtonRef}
                  onEditClick={open}
                  onDelete={() => onEdit({ type: "stage.delete", data: { stageId: stage.id } })}
                >
                  <IconButton
                    icon="up"
                    name="move-up"
                    label={labels.moveUp(stage.name)}
                    onClick={() => onMove(stage.id, "up")}
                    disabled={position === 1}
                  />
                  <IconButton
                    icon="down"
                    name="move-down"
                    label={labels.moveDown(stage.name)}
                    onClick={() => onMove(stage.id, "down")}
                    disabled={last}
                  />
                </ItemActions>
              )}
            </div>
            {details.length > 0 && <p className="vo-item__meta">{details.join(" · ")}</p>}
            <p className="vo-item__text">{stage.description}</p>
            {stage.actions.length > 0 && (
              <ul className="vo-chips" aria-label={labels.stageActions}>
                {stage.actions.map((action) => (
                  <li className="vo-chip" key={action}>
                    {action}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <ItemStatus state={state} rejection={rejected} labels={labels} />
      </div>
    </m.li>
  );
});
