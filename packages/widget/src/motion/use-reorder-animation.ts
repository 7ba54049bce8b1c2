import { type RefObject, useLayoutEffect, useRef } from "react";
import { listItemMotion } from "./presets.js";

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

/**
 * Slides the items of a list from where they were to where a new order put them (FLIP, with the
 * Web Animations API). framer-motion's `layout` does the same but needs its domMax features, about
 * 13 kB gzip more than domAnimation, and measures every motion element of the page on each update.
 * Items are found by `data-id`; offsets ignore transforms, so a running animation does not skew them.
 */
export function useReorderAnimation(listRef: RefObject<HTMLElement | null>, order: string): void {
  const offsets = useRef(new Map<string, number>());
  const lastOrder = useRef(order);

  // Runs after every commit of the list, so the offsets it keeps are never older than its content.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const reordered = lastOrder.current !== order;
    lastOrder.current = order;
    const before = offsets.current;
    const after = new Map<string, number>();
    const animate = reordered && canAnimate(list);
    for (const child of list.children) {
      if (!(child instanceof HTMLElement) || child.dataset.id === undefined) continue;
      const offset = child.offsetTop;
      after.set(child.dataset.id, offset);
      const was = before.get(child.dataset.id);
      if (!animate || was === undefined || Math.abs(was - offset) < 1) continue;
      child.animate([{ transform: `translateY(${was - offset}px)` }, { transform: "none" }], {
        duration: listItemMotion.transition.duration * 1000 * 1.5,
        easing: "ease-out",
      });
    }
    offsets.current = after;
  });
}

function canAnimate(list: HTMLElement): boolean {
  const view = list.ownerDocument.defaultView;
  if (typeof list.animate !== "function" || !view) return false;
  return !view.matchMedia?.(REDUCED_MOTION).matches;
}
