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

/**
 * Multi-line text; Enter saves like in the other inputs, Shift+Enter adds a line. With `hint`
 * (a list, one item a line) Enter adds a line and Ctrl/Cmd+Enter saves, and the hint says so.
 */
export function TextAreaField({ name, label, value, onChange, hint }: FieldProps & { hint?: string }) {
  const id = useId();
  const hintId = useId();
  const errorProps = useFieldError(name);
  const describedBy = [hint && hintId, errorProps["aria-describedby"]].filter(Boolean).join(" ");
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
          if (hint && !event.ctrlKey && !event.metaKey) return;
          event.preventDefault();
          event.currentTarget.form?.requestSubmit();
        }}
        {...errorProps}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span className="vo-field__hint" id={hintId}>
          {hint}
        </span>
      )}
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
