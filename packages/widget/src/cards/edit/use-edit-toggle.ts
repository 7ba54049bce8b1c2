import { useCallback, useEffect, useRef, useState } from "react";

/** Open/close state of an inline editor; closing it returns focus to the button that opened it. */
export function useEditToggle() {
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButtonRef.current?.focus();
    }
  }, [editing]);

  const open = useCallback(() => setEditing(true), []);
  const close = useCallback(() => {
    returnFocus.current = true;
    setEditing(false);
  }, []);
  return { editing, open, close, editButtonRef };
}
