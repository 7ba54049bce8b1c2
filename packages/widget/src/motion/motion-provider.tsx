import { LazyMotion, MotionConfig } from "framer-motion";
import { createContext, type ReactNode, useContext } from "react";

const loadFeatures = () => import("./features.js").then((module) => module.default);

const InsideMotionProvider = createContext(false);

/**
 * Lazy-loaded motion features and `reducedMotion="user"` (honours `prefers-reduced-motion`).
 * Every card wraps itself in one so it works alone; nested providers render their children as is.
 */
export function MotionProvider({ children }: { children: ReactNode }) {
  const nested = useContext(InsideMotionProvider);
  if (nested) return children;
  return (
    <InsideMotionProvider.Provider value={true}>
      <LazyMotion features={loadFeatures} strict>
        <MotionConfig reducedMotion="user">{children}</MotionConfig>
      </LazyMotion>
    </InsideMotionProvider.Provider>
  );
}
