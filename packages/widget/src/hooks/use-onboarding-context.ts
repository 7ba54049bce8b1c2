import { useContext } from "react";
import { OnboardingContext, type OnboardingContextValue } from "./context.js";

export function useOnboardingContext(hookName: string): OnboardingContextValue {
  const value = useContext(OnboardingContext);
  if (value === null) {
    throw new Error(`\`${hookName}\` must be used within \`<VoiceOnboarding>\` or \`<OnboardingProvider>\``);
  }
  return value;
}
