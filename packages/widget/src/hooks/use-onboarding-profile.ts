import type { JobProfile } from "@voice-onboarding/protocol";
import { useStore } from "zustand";
import { useOnboardingContext } from "./use-onboarding-context.js";

/**
 * Selects from the shown profile (agent's profile plus pending edits). Components re-render only
 * when what they select changes, so a new trait does not re-render the company card.
 */
export function useOnboardingProfile<Selected>(selector: (profile: JobProfile | null) => Selected): Selected {
  const { store } = useOnboardingContext("useOnboardingProfile");
  return useStore(store, (state) => selector(state.profile));
}
