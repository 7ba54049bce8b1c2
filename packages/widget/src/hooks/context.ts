import { createContext } from "react";
import type { SessionController } from "../session/controller.js";
import type { OnboardingStore } from "../store/create-store.js";

export interface OnboardingContextValue {
  store: OnboardingStore;
  session: SessionController;
}

export const OnboardingContext = createContext<OnboardingContextValue | null>(null);
