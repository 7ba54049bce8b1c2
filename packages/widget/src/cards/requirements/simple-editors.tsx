import { WORKPLACE_TYPES, type WorkplaceType } from "@voice-onboarding/protocol";
import { useState } from "react";
import type { CardMessages } from "../../i18n/card-messages.js";
import { EditForm } from "../edit/edit-form.js";
import { SelectField, TextField } from "../edit/fields.js";
import {
  type FieldError,
  fromYesNo,
  numberText,
  readText,
  readWholeNumber,
  toYesNo,
  type YesNo,
} from "../edit/validate.js";
import type { RowEditorProps } from "./editor-props.js";

const yesNoOptions = (labels: CardMessages) =>
  [
    { value: "", label: labels.unknown },
    { value: "yes", label: labels.yes },
    { value: "no", label: labels.no },
  ] as const satisfies readonly { value: YesNo; label: string }[];

export function JobTitleEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const [jobTitle, setJobTitle] = useState(requirements.jobTitle ?? "");
  const [error, setError] = useState<FieldError | null>(null);
  const submit = () => {
    const next = readText(jobTitle, 200);
    if (!next.ok) return setError({ field: "jobTitle", message: labels.tooLong(labels.jobTitle, 200) });
    onSave({ jobTitle: next.value });
  };
  return (
    <EditForm title={title} labels={labels} error={error} onSubmit={submit} onCancel={onCancel}>
      <TextField name="jobTitle" label={labels.jobTitle} value={jobTitle} onChange={setJobTitle} />
    </EditForm>
  );
}

export function LocationEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const [workplace, setWorkplace] = useState<WorkplaceType | "">(requirements.workplaceType ?? "");
  const [city, setCity] = useState(requirements.locationCity ?? "");
  const [days, setDays] = useState(numberText(requirements.onsiteDaysPerWeek));
  const [error, setError] = useState<FieldError | null>(null);
  const submit = () => {
    const nextCity = readText(city, 200);
    if (!nextCity.ok) return setError({ field: "city", message: labels.tooLong(labels.city, 200) });
    const nextDays = readWholeNumber(days, 1, 7);
    if (!nextDays.ok)
      return setError({ field: "days", message: labels.wholeNumberBetween(labels.onsiteDays, 1, 7) });
    onSave({
      workplaceType: workplace === "" ? null : workplace,
      locationCity: nextCity.value,
      onsiteDaysPerWeek: nextDays.value,
    });
  };
  return (
    <EditForm title={title} labels={labels} error={error} onSubmit={submit} onCancel={onCancel}>
      <SelectField
        name="workplace"
        label={labels.workplaceType}
        value={workplace}
        onChange={setWorkplace}
        options={[
          { value: "", label: labels.notSet },
          ...WORKPLACE_TYPES.map((value) => ({ value, label: labels.workplaceTypes[value] })),
        ]}
      />
      <TextField name="city" label={labels.city} value={city} onChange={setCity} />
      <TextField name="days" label={labels.onsiteDays} value={days} onChange={setDays} inputMode="numeric" />
    </EditForm>
  );
}

export function ExperienceEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const [min, setMin] = useState(numberText(requirements.experienceMinYears));
  const [max, setMax] = useState(numberText(requirements.experienceMaxYears));
  const [error, setError] = useState<FieldError | null>(null);
  const submit = () => {
    const nextMin = readWholeNumber(min, 0, 60);
    if (!nextMin.ok)
      return setError({ field: "min", message: labels.wholeNumberBetween(labels.experienceMin, 0, 60) });
    const nextMax = readWholeNumber(max, 0, 60);
    if (!nextMax.ok)
      return setError({ field: "max", message: labels.wholeNumberBetween(labels.experienceMax, 0, 60) });
    if (nextMin.value !== null && nextMax.value !== null && nextMin.value > nextMax.value) {
      return setError({ field: "min", message: labels.experienceMinAboveMax });
    }
    onSave({ experienceMinYears: nextMin.value, experienceMaxYears: nextMax.value });
  };
  return (
    <EditForm title={title} labels={labels} error={error} onSubmit={submit} onCancel={onCancel}>
      <TextField name="min" label={labels.experienceMin} value={min} onChange={setMin} inputMode="numeric" />
      <TextField name="max" label={labels.experienceMax} value={max} onChange={setMax} inputMode="numeric" />
    </EditForm>
  );
}

export function VisaEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const [visa, setVisa] = useState<YesNo>(toYesNo(requirements.visaSponsorship));
  return (
    <EditForm
      title={title}
      labels={labels}
      error={null}
      onSubmit={() => onSave({ visaSponsorship: fromYesNo(visa) })}
      onCancel={onCancel}
    >
      <SelectField
        name="visa"
        label={labels.visaSponsorship}
        value={visa}
        onChange={setVisa}
        options={yesNoOptions(labels)}
      />
    </EditForm>
  );
}

export function EquityEditor({ requirements, labels, onSave, onCancel, title }: RowEditorProps) {
  const [offered, setOffered] = useState<YesNo>(toYesNo(requirements.equityOffered));
  const [range, setRange] = useState(requirements.equityRange ?? "");
  const [error, setError] = useState<FieldError | null>(null);
  const submit = () => {
    const nextRange = readText(range, 100);
    if (!nextRange.ok) return setError({ field: "range", message: labels.tooLong(labels.equityRange, 100) });
    onSave({ equityOffered: fromYesNo(offered), equityRange: nextRange.value });
  };
  return (
    <EditForm title={title} labels={labels} error={error} onSubmit={submit} onCancel={onCancel}>
      <SelectField
        name="offered"
        label={labels.equityOffered}
        value={offered}
        onChange={setOffered}
        options={yesNoOptions(labels)}
      />
      <TextField name="range" label={labels.equityRange} value={range} onChange={setRange} />
    </EditForm>
  );
}
