import type { ReactNode } from "react";

/**
 * Kept for hosts that wrap the cards in it: the cards animate with the Web Animations API
 * (motion-li.tsx) and honour `prefers-reduced-motion` themselves, so this renders its children.
 */
export function MotionProvider({ children }: { children: ReactNode }) {
  return children;
}
