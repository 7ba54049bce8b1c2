import type { Transition, Variants } from "framer-motion";

/**
 * Enter and leave of a list item. No `layout`: with it, every update measures every item of the
 * list (hundreds of traits), and only stages are ever reordered.
 */
export const listItemMotion = {
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

/** A list item that can change place (interview stages): `layout` animates the move. */
export const reorderableItemMotion = { ...listItemMotion, layout: "position" } as const;
