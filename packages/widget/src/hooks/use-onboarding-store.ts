import type { OnboardingStore } from "../store/create-store.js";
import { useOnboardingContext } from "./use-onboarding-context.js";

/** The widget's own store, for hosts that want to read or subscribe outside the provided hooks. */
export function useOnboardingStore(): OnboardingStore {
  return useOnboardingContext("useOnboardingStore").store;
}
