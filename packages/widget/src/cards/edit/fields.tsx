import { type ReactNode, useId } from "react";
import { useFieldError } from "./edit-form.js";

interface FieldProps {
  /** Identifies the field in validation errors. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

function Labelled({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <div className="vo-field">
      <label className="vo-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

export function TextField({
  name,
  label,
  value,
  onChange,
  inputMode,
}: FieldProps & { inputMode?: "numeric" | "decimal" }) {
  const id = useId();
  const errorProps = useFieldError(name);
  return (
    <Labelled label={label} id={id}>
      <input
        id={id}
        name={name}
        className="vo-input"
        type="text"
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...errorProps}
      />
    </Labelled>
  );
}

/** Multi-line text; Enter saves like in the other inputs, Shift+Enter adds a line. */
export function TextAreaField({ name, label, value, onChange }: FieldProps) {
  const id = useId();
  const errorProps = useFieldError(name);
  return (
    <Labelled label={label} id={id}>
      <textarea
        id={id}
        name={name}
        className="vo-input"
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.shiftKey) return;
          event.preventDefault();
          event.currentTarget.form?.requestSubmit();
        }}
        {...errorProps}
      />
    </Labelled>
  );
}

export function SelectField<Value extends string>({
  name,
  label,
  value,
  onChange,
  options,
}: Omit<FieldProps, "value" | "onChange"> & {
  value: Value;
  onChange: (value: Value) => void;
  options: readonly { value: Value; label: string }[];
}) {
  const id = useId();
  const errorProps = useFieldError(name);
  return (
    <Labelled label={label} id={id}>
      <select
        id={id}
        name={name}
        className="vo-input"
        value={value}
        // The options are built from `Value`s, so the selected value is one of them.
        onChange={(event) => onChange(event.target.value as Value)}
        {...errorProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
