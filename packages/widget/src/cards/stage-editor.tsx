import type { InterviewStage } from "@voice-onboarding/protocol";
import { useState } from "react";
import type { CardLabels } from "../labels.js";
import { EditForm } from "./edit/edit-form.js";
import { TextAreaField, TextField } from "./edit/fields.js";
import { type FieldError, numberText, readText, readWholeNumber } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

type StageUpdate = EditDraftOf<"stage.update">["data"];

interface StageEditorProps {
  stage: InterviewStage;
  labels: CardLabels;
  /** Only the fields that changed (`null` clears an optional one); not called when nothing did. */
  onSave: (update: StageUpdate) => void;
  onCancel: () => void;
}

export function StageEditor({ stage, labels, onSave, onCancel }: StageEditorProps) {
  const [name, setName] = useState(stage.name);
  const [description, setDescription] = useState(stage.description);
  const [duration, setDuration] = useState(numberText(stage.durationMinutes));
  const [interviewer, setInterviewer] = useState(stage.interviewerRole ?? "");
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

    const update: StageUpdate = { stageId: stage.id };
    if (nextName.value !== stage.name) update.name = nextName.value;
    if (nextDescription.value !== stage.description) update.description = nextDescription.value;
    if (nextDuration.value !== (stage.durationMinutes ?? null)) update.durationMinutes = nextDuration.value;
    if (nextInterviewer.value !== (stage.interviewerRole ?? null))
      update.interviewerRole = nextInterviewer.value;
    if (Object.keys(update).length > 1) onSave(update);
    else onCancel();
  };

  return (
    <EditForm
      title={labels.editFormTitle(stage.name)}
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
    </EditForm>
  );
}
