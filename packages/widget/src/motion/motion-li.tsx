import { PresenceContext, usePresence } from "framer-motion";
import { type ComponentProps, useContext, useEffect, useRef } from "react";
import type { listItemMotion } from "./presets.js";

type ListItemMotion = typeof listItemMotion;
type Pose = { opacity?: number; y?: number; scale?: number };

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function keyframe({ opacity = 1, y = 0, scale = 1 }: Pose): Keyframe {
  return { opacity, transform: `translateY(${y}px) scale(${scale})` };
}

/** Where the Web Animations API runs and the recruiter has not asked for less motion. */
export function canAnimate(element: HTMLElement): boolean {
  const view = element.ownerDocument.defaultView;
  if (typeof element.animate !== "function" || !view) return false;
  return !view.matchMedia?.(REDUCED_MOTION).matches;
}

type MotionLiProps = Omit<ComponentProps<"li">, keyof ListItemMotion> & ListItemMotion;

/**
 * An `<li>` that fades in when added and out when removed inside framer-motion's AnimatePresence,
 * with the Web Animations API. framer-motion's `m.li` does the same with LazyMotion's features,
 * about 25 kB gzip; presence alone is about 2 kB. Items present at AnimatePresence's first render
 * (`initial={false}`) appear without animating, as with `m.li`.
 */
function MotionLi({ initial, animate, exit, variants, transition, ...props }: MotionLiProps) {
  const ref = useRef<HTMLLIElement>(null);
  const [isPresent, safeToRemove] = usePresence();
  const presence = useContext(PresenceContext);
  const enters = useRef(presence?.initial !== false);
  useEffect(() => {
    const element = ref.current;
    const timing = { duration: transition.duration * 1000, easing: "ease-out" };
    const animates = element !== null && canAnimate(element);
    if (isPresent) {
      if (enters.current && animates)
        element.animate([keyframe(variants[initial]), keyframe(variants[animate])], timing);
      enters.current = true;
      return;
    }
    if (!animates) {
      safeToRemove?.();
      return;
    }
    const leaving = element.animate([keyframe(variants[animate]), keyframe(variants[exit])], {
      ...timing,
      fill: "forwards",
    });
    void leaving.finished.then(
      () => safeToRemove?.(),
      () => safeToRemove?.(),
    );
  }, [isPresent, safeToRemove, initial, animate, exit, variants, transition]);
  return <li ref={ref} {...props} />;
}

/** framer-motion's `m` for the one element the cards animate. */
export const m = { li: MotionLi };
