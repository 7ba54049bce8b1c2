import { PAY_INTERVALS, type PayInterval } from "@voice-onboarding/protocol";
import { useState } from "react";
import { EditForm } from "../edit/edit-form.js";
import { SelectField, TextField } from "../edit/fields.js";
import { type FieldError, numberText, readAmount } from "../edit/validate.js";
import type { RowEditorProps } from "./editor-props.js";

/** The protocol's bound on a pay amount. */
const MAX_AMOUNT = 100_000_000;

export function CompensationEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const current = requirements.compensation;
  const [min, setMin] = useState(numberText(current?.min));
  const [max, setMax] = useState(numberText(current?.max));
  const [currency, setCurrency] = useState(current?.currency ?? "USD");
  const [interval, setPayInterval] = useState<PayInterval>(current?.interval ?? "year");
  const [error, setError] = useState<FieldError | null>(null);

  const submit = () => {
    const nextMin = readAmount(min, MAX_AMOUNT);
    if (!nextMin.ok) return setError({ field: "min", message: labels.invalidAmount(labels.compensationMin) });
    const nextMax = readAmount(max, MAX_AMOUNT);
    if (!nextMax.ok) return setError({ field: "max", message: labels.invalidAmount(labels.compensationMax) });
    if (nextMin.value !== null && nextMax.value !== null && nextMin.value > nextMax.value) {
      return setError({ field: "min", message: labels.compensationMinAboveMax });
    }
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setError({ field: "currency", message: labels.invalidCurrency });
    if (nextMin.value === null && nextMax.value === null) return onSave({ compensation: null });
    onSave({
      compensation: {
        ...(nextMin.value !== null && { min: nextMin.value }),
        ...(nextMax.value !== null && { max: nextMax.value }),
        currency: code,
        interval,
      },
    });
  };

  return (
    <EditForm title={title} labels={labels} error={error} onSubmit={submit} onCancel={onCancel}>
      <TextField
        name="min"
        label={labels.compensationMin}
        value={min}
        onChange={setMin}
        inputMode="decimal"
      />
      <TextField
        name="max"
        label={labels.compensationMax}
        value={max}
        onChange={setMax}
        inputMode="decimal"
      />
      <TextField name="currency" label={labels.currency} value={currency} onChange={setCurrency} />
      <SelectField
        name="interval"
        label={labels.payInterval}
        value={interval}
        onChange={setPayInterval}
        options={PAY_INTERVALS.map((value) => ({ value, label: labels.payIntervals[value] }))}
      />
    </EditForm>
  );
}
