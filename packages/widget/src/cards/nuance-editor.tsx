import { NUANCE_CATEGORIES, type Nuance, type NuanceCategory } from "@voice-onboarding/protocol";
import { useState } from "react";
import { nuanceCategoryName } from "../format/categories.js";
import type { CardMessages } from "../i18n/card-messages.js";
import { EditForm } from "./edit/edit-form.js";
import { SelectField, TextAreaField } from "./edit/fields.js";
import { type FieldError, readText } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

export type NuanceFields = Omit<Nuance, "id">;
type NuanceUpdate = EditDraftOf<"nuance.update">["data"];

/** Only what changed (`null` clears the quote); `null` when nothing did. */
export function nuanceUpdate(nuance: Nuance, fields: NuanceFields): NuanceUpdate | null {
  const update: NuanceUpdate = { nuanceId: nuance.id };
  if (fields.insight !== nuance.insight) update.insight = fields.insight;
  if ((fields.verbatimQuote ?? null) !== (nuance.verbatimQuote ?? null)) {
    update.verbatimQuote = fields.verbatimQuote ?? null;
  }
  if (fields.category !== nuance.category) update.category = fields.category;
  return Object.keys(update).length > 1 ? update : null;
}

interface NuanceEditorProps {
  /** The note to correct; `null` adds a new one. */
  nuance: Nuance | null;
  /** The form's accessible name: the note, shortened, or "Add note". */
  title: string;
  labels: CardMessages;
  onSave: (fields: NuanceFields) => void;
  onCancel: () => void;
}

/** A note's text, the recruiter's words and its category: a correction, or a note of the recruiter's own. */
export function NuanceEditor({ nuance, title, labels, onSave, onCancel }: NuanceEditorProps) {
  const [insight, setInsight] = useState(nuance?.insight ?? "");
  const [quote, setQuote] = useState(nuance?.verbatimQuote ?? "");
  const [category, setCategory] = useState<NuanceCategory>(nuance?.category ?? "culture_fit");
  const [error, setError] = useState<FieldError | null>(null);

  const submit = () => {
    const nextInsight = readText(insight, 1000);
    if (!nextInsight.ok || nextInsight.value === null) {
      const message = nextInsight.ok
        ? labels.required(labels.nuanceInsight)
        : labels.tooLong(labels.nuanceInsight, 1000);
      return setError({ field: "insight", message });
    }
    const nextQuote = readText(quote, 1000);
    if (!nextQuote.ok) return setError({ field: "quote", message: labels.tooLong(labels.nuanceQuote, 1000) });
    onSave({
      insight: nextInsight.value,
      category,
      ...(nextQuote.value !== null && { verbatimQuote: nextQuote.value }),
    });
  };

  return (
    <EditForm
      title={nuance ? labels.editFormTitle(title) : title}
      labels={labels}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextAreaField name="insight" label={labels.nuanceInsight} value={insight} onChange={setInsight} />
      <TextAreaField name="quote" label={labels.nuanceQuote} value={quote} onChange={setQuote} />
      <SelectField
        name="category"
        label={labels.nuanceCategory}
        value={category}
        onChange={setCategory}
        options={NUANCE_CATEGORIES.map((value) => ({ value, label: nuanceCategoryName(value, labels) }))}
      />
    </EditForm>
  );
}
