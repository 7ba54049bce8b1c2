"use client";

import { useStore } from "zustand";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";

/** Reads each change aloud to screen readers, politely. */
export function Announcer() {
  const announcement = useStore(useOnboardingStore(), (state) => state.announcement);
  return (
    <div className="vo-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="vo-announcer">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
