import { TRAIT_PRIORITIES, type Trait, type TraitPriority } from "@voice-onboarding/protocol";
import { useState } from "react";
import type { CardMessages } from "../i18n/card-messages.js";
import { EditForm } from "./edit/edit-form.js";
import { SelectField, TextAreaField, TextField } from "./edit/fields.js";
import { type FieldError, listRefusal, listText, readList, readText } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

export type TraitFields = Omit<Trait, "id">;
type TraitUpdate = EditDraftOf<"trait.update">["data"];

/** Only what changed; `null` when nothing did. */
export function traitUpdate(trait: Trait, fields: TraitFields): TraitUpdate | null {
  const update: TraitUpdate = { traitId: trait.id };
  if (fields.name !== trait.name) update.name = fields.name;
  if (fields.description !== trait.description) update.description = fields.description;
  if (fields.priority !== trait.priority) update.priority = fields.priority;
  if (listText(fields.signals) !== listText(trait.signals)) update.signals = fields.signals;
  return Object.keys(update).length > 1 ? update : null;
}

interface TraitEditorProps {
  /** The trait to edit; `null` adds a new one. */
  trait: Trait | null;
  labels: CardMessages;
  onSave: (fields: TraitFields) => void;
  onCancel: () => void;
}

export function TraitEditor({ trait, labels, onSave, onCancel }: TraitEditorProps) {
  const [name, setName] = useState(trait?.name ?? "");
  const [description, setDescription] = useState(trait?.description ?? "");
  const [priority, setPriority] = useState<TraitPriority>(trait?.priority ?? "must_have");
  const [signals, setSignals] = useState(listText(trait?.signals));
  const [error, setError] = useState<FieldError | null>(null);

  const submit = () => {
    const nextName = readText(name, 120);
    const nextDescription = readText(description, 1000);
    const nextSignals = readList(signals, 20);
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
    if (!nextSignals.ok) {
      return setError({
        field: "signals",
        message: listRefusal(labels, labels.traitSignals, nextSignals, 20),
      });
    }
    onSave({
      name: nextName.value,
      description: nextDescription.value,
      priority,
      signals: nextSignals.value ?? [],
    });
  };

  return (
    <EditForm
      title={trait ? labels.editFormTitle(trait.name) : labels.addTrait}
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
      <TextAreaField
        name="signals"
        label={labels.traitSignals}
        value={signals}
        onChange={setSignals}
        hint={labels.onePerLine}
      />
    </EditForm>
  );
}
