import type { Transition, Variants } from "framer-motion";

/**
 * Enter and leave of a list item. Moves within a list (stage reordering) are `SlideOnReorder`'s.
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

/**
 * AnimatePresence for a card's list. No item has `layout`, so presence need not affect layout; left
 * on (the default), every render hands each item a fresh presence context and all of them re-render.
 */
export const listPresence = { initial: false, presenceAffectsLayout: false } as const;
