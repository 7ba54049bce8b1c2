import { NUANCE_CATEGORIES, type Nuance, type NuanceCategory } from "@voice-onboarding/protocol";
import { useState } from "react";
import { nuanceCategoryName } from "../format/categories.js";
import type { CardLabels } from "../labels.js";
import { EditForm } from "./edit/edit-form.js";
import { SelectField, TextAreaField } from "./edit/fields.js";
import { type FieldError, readText } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

type NuanceUpdate = EditDraftOf<"nuance.update">["data"];

interface NuanceEditorProps {
  nuance: Nuance;
  /** The form's accessible name: the note, shortened. */
  title: string;
  labels: CardLabels;
  /** Only what changed (`null` clears the quote); not called when nothing did. */
  onSave: (update: NuanceUpdate) => void;
  onCancel: () => void;
}

/** Corrects a note the agent took: its text, the recruiter's words, its category. */
export function NuanceEditor({ nuance, title, labels, onSave, onCancel }: NuanceEditorProps) {
  const [insight, setInsight] = useState(nuance.insight);
  const [quote, setQuote] = useState(nuance.verbatimQuote ?? "");
  const [category, setCategory] = useState<NuanceCategory>(nuance.category);
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
    const update: NuanceUpdate = { nuanceId: nuance.id };
    if (nextInsight.value !== nuance.insight) update.insight = nextInsight.value;
    if (nextQuote.value !== (nuance.verbatimQuote ?? null)) update.verbatimQuote = nextQuote.value;
    if (category !== nuance.category) update.category = category;
    if (Object.keys(update).length > 1) onSave(update);
    else onCancel();
  };

  return (
    <EditForm
      title={labels.editFormTitle(title)}
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
