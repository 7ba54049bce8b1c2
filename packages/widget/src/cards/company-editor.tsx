import { type CompanyIntel, FUNDING_STAGES, type FundingStage } from "@voice-onboarding/protocol";
import { useState } from "react";
import { fundingStageName } from "../format/categories.js";
import type { CardMessages } from "../i18n/card-messages.js";
import { COMPANY_LISTS, COMPANY_TEXTS } from "./company-fields.js";
import { EditForm } from "./edit/edit-form.js";
import { SelectField, TextAreaField, TextField } from "./edit/fields.js";
import { type FieldError, listRefusal, listText, readList, readText } from "./edit/validate.js";
import type { EditDraftOf } from "./types.js";

type CompanyPatch = EditDraftOf<"company.update">["data"]["company"];

interface CompanyEditorProps {
  /** The card to correct; undefined starts one (then a name is required). */
  company: CompanyIntel | undefined;
  labels: CardMessages;
  /** Only what changed (`null` clears a field); not called when nothing did. */
  onSave: (patch: CompanyPatch) => void;
  onCancel: () => void;
}

const initialValues = (company: CompanyIntel | undefined) =>
  Object.fromEntries([
    ...COMPANY_TEXTS.map(({ key }) => [key, company?.[key] ?? ""]),
    ...COMPANY_LISTS.map(({ key }) => [key, listText(company?.[key])]),
  ]) as Record<string, string>;

export function CompanyEditor({ company, labels, onSave, onCancel }: CompanyEditorProps) {
  const [values, setValues] = useState(() => initialValues(company));
  const [fundingStage, setFundingStage] = useState<FundingStage | "">(company?.fundingStage ?? "");
  const [error, setError] = useState<FieldError | null>(null);
  const setValue = (key: string) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = () => {
    const patch: Record<string, unknown> = {};
    for (const { key, label, max } of COMPANY_TEXTS) {
      const read = readText(values[key] ?? "", max);
      if (!read.ok) return setError({ field: key, message: labels.tooLong(labels[label], max) });
      if (key === "name" && read.value === null) {
        return setError({ field: key, message: labels.required(labels[label]) });
      }
      if (read.value !== (company?.[key] ?? null)) patch[key] = read.value;
    }
    for (const { key, label, max } of COMPANY_LISTS) {
      const read = readList(values[key] ?? "", max);
      if (!read.ok) {
        return setError({ field: key, message: listRefusal(labels, labels[label], read, max) });
      }
      if (listText(read.value ?? []) !== listText(company?.[key])) patch[key] = read.value;
    }
    if (fundingStage !== (company?.fundingStage ?? "")) patch.fundingStage = fundingStage || null;
    // The fields are the protocol's own (COMPANY_TEXTS/LISTS), checked above.
    if (Object.keys(patch).length > 0) onSave(patch as CompanyPatch);
    else onCancel();
  };

  return (
    <EditForm
      title={company ? labels.editFormTitle(company.name) : labels.editCompany}
      labels={labels}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {COMPANY_TEXTS.map(({ key, label, long }) => {
        const Field = long ? TextAreaField : TextField;
        return (
          <Field
            key={key}
            name={key}
            label={labels[label]}
            value={values[key] ?? ""}
            onChange={setValue(key)}
          />
        );
      })}
      <SelectField
        name="fundingStage"
        label={labels.companyFundingStage}
        value={fundingStage}
        onChange={setFundingStage}
        options={[
          { value: "" as const, label: labels.notSet },
          ...FUNDING_STAGES.map((value) => ({ value, label: fundingStageName(value, labels) })),
        ]}
      />
      {COMPANY_LISTS.map(({ key, label }) => (
        <TextAreaField
          key={key}
          name={key}
          label={labels[label]}
          value={values[key] ?? ""}
          onChange={setValue(key)}
          hint={labels.onePerLine}
        />
      ))}
    </EditForm>
  );
}
