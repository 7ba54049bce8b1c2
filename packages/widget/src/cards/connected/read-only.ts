import { createContext } from "react";

/** `<VoiceOnboarding readOnly/>`: the store's cards show the profile with no edit controls. */
export const ReadOnlyContext = createContext(false);
