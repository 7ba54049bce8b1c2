const PATHS = {
  edit: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  delete: "M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13",
  up: "M12 19V5M6 11l6-6 6 6",
  down: "M12 5v14M6 13l6 6 6-6",
  confirm: "M5 12l5 5L19 7",
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative: the button around it carries the accessible name. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="vo-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
