import type { Requirements } from "@voice-onboarding/protocol";
import { type ComponentType, memo } from "react";
import type { CardMessages } from "../../i18n/card-messages.js";
import { IconButton, ItemStatus } from "../edit/item-controls.js";
import { useEditToggle } from "../edit/use-edit-toggle.js";
import { Heading } from "../heading.js";
import type { CardCommonProps, ItemState } from "../types.js";
import { CompensationEditor } from "./compensation-editor.js";
import type { RowEditorProps } from "./editor-props.js";
import { changedOnly, type RequirementRow as Row, rowValue } from "./rows.js";
import {
  EquityEditor,
  ExperienceEditor,
  JobTitleEditor,
  LocationEditor,
  VisaEditor,
} from "./simple-editors.js";

const EDITORS: Record<Row, ComponentType<RowEditorProps>> = {
  job_title: JobTitleEditor,
  location: LocationEditor,
  experience: ExperienceEditor,
  compensation: CompensationEditor,
  visa: VisaEditor,
  equity: EquityEditor,
};

/** Whether the recruiter has confirmed the field, or it only has a value, or nothing yet. */
export type FieldStatus = "confirmed" | "filled" | "missing";

interface RequirementRowProps extends Pick<CardCommonProps, "onEdit" | "rejected"> {
  row: Row;
  requirements: Requirements;
  status: FieldStatus;
  state: ItemState;
  labels: CardMessages;
}

/** Memoized: confirming one field re-renders that row only. */
export const RequirementRow = memo(function RequirementRow({
  row,
  requirements,
  status,
  state,
  labels,
  onEdit,
  rejected,
}: RequirementRowProps) {
  const { editing, open, close, editButtonRef } = useEditToggle();
  const name = labels.requirementFields[row];
  const value = rowValue(row, requirements, labels);
  const Editor = EDITORS[row];
  return (
    <li className="vo-item vo-requirement" data-id={row} data-state={state} data-status={status}>
      {editing && onEdit ? (
        <Editor
          requirements={requirements}
          labels={labels}
          title={labels.editFormTitle(name)}
          onCancel={close}
          onSave={(candidate) => {
            const patch = changedOnly(requirements, candidate);
            if (Object.keys(patch).length > 0)
              onEdit({ type: "requirements.update", data: { requirements: patch } });
            close();
          }}
        />
      ) : (
        <div className="vo-item__head">
          <div className="vo-requirement__text">
            <Heading depth={1} className="vo-requirement__label">
              {name}
            </Heading>
            <p className="vo-requirement__value" data-status={status}>
              {value ?? labels.notSet}
            </p>
          </div>
          {status === "confirmed" && <span className="vo-badge">{labels.confirmed}</span>}
          {onEdit && (
            <div className="vo-item__actions">
              {status === "filled" && (
                <IconButton
                  icon="confirm"
                  label={labels.confirmField(name)}
                  onClick={() => onEdit({ type: "field.confirm", data: { field: row } })}
                />
              )}
              <IconButton
                icon="edit"
                label={labels.editItem(name)}
                onClick={open}
                buttonRef={editButtonRef}
              />
            </div>
          )}
        </div>
      )}
      <ItemStatus state={state} rejection={rejected} labels={labels} />
    </li>
  );
});
