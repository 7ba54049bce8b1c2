import { TRAIT_PRIORITIES, type Trait, type TraitPriority } from "@voice-onboarding/protocol";
import { useState } from "react";
import type { CardLabels } from "../labels.js";
import { EditForm } from "./edit/edit-form.js";
import { SelectField, TextAreaField, TextField } from "./edit/fields.js";
import { type FieldError, readText } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

type TraitUpdate = EditDraftOf<"trait.update">["data"];

interface TraitEditorProps {
  trait: Trait;
  labels: CardLabels;
  /** Only the fields that changed; not called when nothing did. */
  onSave: (update: TraitUpdate) => void;
  onCancel: () => void;
}

export function TraitEditor({ trait, labels, onSave, onCancel }: TraitEditorProps) {
  const [name, setName] = useState(trait.name);
  const [description, setDescription] = useState(trait.description);
  const [priority, setPriority] = useState<TraitPriority>(trait.priority);
  const [error, setError] = useState<FieldError | null>(null);

  const submit = () => {
    const nextName = readText(name, 120);
    const nextDescription = readText(description, 1000);
    if (!nextName.ok || nextName.value === null) {
      const message = nextName.ok ? labels.required(labels.traitName) : labels.tooLong(labels.traitName, 120);
      return setError({ field: "name", message });
    }
    if (!nextDescription.ok || nextDescription.value === null) {
      const message = nextDescription.ok
        ? labels.required(labels.traitDescription)
        : labels.tooLong(labels.traitDescription, 1000);
      return setError({ field: "description", message });
    }
    const update: TraitUpdate = { traitId: trait.id };
    if (nextName.value !== trait.name) update.name = nextName.value;
    if (nextDescription.value !== trait.description) update.description = nextDescription.value;
    if (priority !== trait.priority) update.priority = priority;
    if (Object.keys(update).length > 1) onSave(update);
    else onCancel();
  };

  return (
    <EditForm
      title={labels.editFormTitle(trait.name)}
      labels={labels}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField name="name" label={labels.traitName} value={name} onChange={setName} />
      <TextAreaField
        name="description"
        label={labels.traitDescription}
        value={description}
        onChange={setDescription}
      />
      <SelectField
        name="priority"
        label={labels.traitPriority}
        value={priority}
        onChange={setPriority}
        options={TRAIT_PRIORITIES.map((value) => ({ value, label: labels.traitPriorities[value] }))}
      />
    </EditForm>
  );
}
