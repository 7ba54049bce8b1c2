import type { InterviewStage } from "@voice-onboarding/protocol";
import { useState } from "react";
import type { CardMessages } from "../i18n/card-messages.js";
import { EditForm } from "./edit/edit-form.js";
import { TextAreaField, TextField } from "./edit/fields.js";
import {
  type FieldError,
  listRefusal,
  listText,
  numberText,
  readList,
  readText,
  readWholeNumber,
} from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

type StageUpdate = EditDraftOf<"stage.update">["data"];

/** What the editor edits; `null` leaves an optional field empty. */
export interface StageFields {
  name: string;
  description: string;
  durationMinutes: number | null;
  interviewerRole: string | null;
  /** What the stage's interviewer does, in order; empty for none. */
  actions: string[];
}

/** Only what changed (`null` clears an optional field); `null` when nothing did. */
export function stageUpdate(stage: InterviewStage, fields: StageFields): StageUpdate | null {
  const update: StageUpdate = { stageId: stage.id };
  if (fields.name !== stage.name) update.name = fields.name;
  if (fields.description !== stage.description) update.description = fields.description;
  if (fields.durationMinutes !== (stage.durationMinutes ?? null))
    update.durationMinutes = fields.durationMinutes;
  if (fields.interviewerRole !== (stage.interviewerRole ?? null))
    update.interviewerRole = fields.interviewerRole;
  if (listText(fields.actions) !== listText(stage.actions)) update.actions = fields.actions;
  return Object.keys(update).length > 1 ? update : null;
}

/** A new stage from the editor's fields, placed at `order`. */
export function newStage(id: string, order: number, fields: StageFields): InterviewStage {
  const { durationMinutes, interviewerRole, ...rest } = fields;
  return {
    id,
    order,
    ...rest,
    ...(durationMinutes !== null && { durationMinutes }),
    ...(interviewerRole !== null && { interviewerRole }),
  };
}

interface StageEditorProps {
  /** The stage to edit; `null` adds a new one. */
  stage: InterviewStage | null;
  labels: CardMessages;
  onSave: (fields: StageFields) => void;
  onCancel: () => void;
}

export function StageEditor({ stage, labels, onSave, onCancel }: StageEditorProps) {
  const [name, setName] = useState(stage?.name ?? "");
  const [description, setDescription] = useState(stage?.description ?? "");
  const [duration, setDuration] = useState(numberText(stage?.durationMinutes));
  const [interviewer, setInterviewer] = useState(stage?.interviewerRole ?? "");
  const [actions, setActions] = useState(listText(stage?.actions));
  const [error, setError] = useState<FieldError | null>(null);

  const submit = () => {
    const nextName = readText(name, 120);
    if (!nextName.ok || nextName.value === null) {
      const message = nextName.ok ? labels.required(labels.stageName) : labels.tooLong(labels.stageName, 120);
      return setError({ field: "name", message });
    }
    const nextDescription = readText(description, 1000);
    if (!nextDescription.ok || nextDescription.value === null) {
      const message = nextDescription.ok
        ? labels.required(labels.stageDescription)
        : labels.tooLong(labels.stageDescription, 1000);
      return setError({ field: "description", message });
    }
    const nextDuration = readWholeNumber(duration, 1, 600);
    if (!nextDuration.ok) {
      return setError({
        field: "duration",
        message: labels.wholeNumberBetween(labels.stageDuration, 1, 600),
      });
    }
    const nextInterviewer = readText(interviewer, 120);
    if (!nextInterviewer.ok) {
      return setError({ field: "interviewer", message: labels.tooLong(labels.stageInterviewer, 120) });
    }
    const nextActions = readList(actions, 20);
    if (!nextActions.ok) {
      return setError({
        field: "actions",
        message: listRefusal(labels, labels.stageActions, nextActions, 20),
      });
    }

    onSave({
      name: nextName.value,
      description: nextDescription.value,
      durationMinutes: nextDuration.value,
      interviewerRole: nextInterviewer.value,
      actions: nextActions.value ?? [],
    });
  };

  return (
    <EditForm
      title={stage ? labels.editFormTitle(stage.name) : labels.addStage}
      labels={labels}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField name="name" label={labels.stageName} value={name} onChange={setName} />
      <TextAreaField
        name="description"
        label={labels.stageDescription}
        value={description}
        onChange={setDescription}
      />
      <TextField
        name="duration"
        label={labels.stageDuration}
        value={duration}
        onChange={setDuration}
        inputMode="numeric"
      />
      <TextField
        name="interviewer"
        label={labels.stageInterviewer}
        value={interviewer}
        onChange={setInterviewer}
      />
      <TextAreaField
        name="actions"
        label={labels.stageActions}
        value={actions}
        onChange={setActions}
        hint={labels.onePerLine}
      />
    </EditForm>
  );
}
