import { createContext, type ReactNode, useContext, useEffect, useId, useRef } from "react";
import type { CardMessages } from "../../i18n/card-messages.js";
import type { FieldError } from "./validate.js";

interface FormContext {
  errorId: string;
  error: FieldError | null;
}

const EditFormContext = createContext<FormContext | null>(null);

/** `aria-invalid` and `aria-describedby` for the input named `field`. */
export function useFieldError(field: string) {
  const context = useContext(EditFormContext);
  const invalid = context?.error?.field === field;
  return invalid ? { "aria-invalid": true, "aria-describedby": context?.errorId } : {};
}

interface EditFormProps {
  title: string;
  labels: Pick<CardMessages, "save" | "cancel">;
  error: FieldError | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** An inline editor: Enter saves, Escape cancels, the first input takes focus, errors show inline. */
export function EditForm({ title, labels, error, onSubmit, onCancel, children }: EditFormProps) {
  const errorId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, []);

  return (
    <EditFormContext.Provider value={{ errorId, error }}>
      <form
        ref={formRef}
        className="vo-edit"
        aria-label={title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }}
      >
        <div className="vo-edit__fields">{children}</div>
        {error && (
          <p className="vo-edit__error" id={errorId} role="alert">
            {error.message}
          </p>
        )}
        <div className="vo-edit__buttons">
          <button type="submit" className="vo-button" data-variant="primary">
            {labels.save}
          </button>
          <button type="button" className="vo-button" onClick={onCancel}>
            {labels.cancel}
          </button>
        </div>
      </form>
    </EditFormContext.Provider>
  );
}
