import type { Transition, Variants } from "framer-motion";

/** Enter, leave and reflow of a list item; `layout` animates reordering. */
export const listItemMotion = {
  layout: "position",
  initial: "hidden",
  animate: "shown",
  exit: "gone",
  variants: {
    hidden: { opacity: 0, y: 6 },
    shown: { opacity: 1, y: 0 },
    gone: { opacity: 0, scale: 0.98 },
  } satisfies Variants,
  transition: { duration: 0.2, ease: "easeOut" } satisfies Transition,
} as const;
