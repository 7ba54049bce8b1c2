"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { resolveMessages } from "./catalogues.js";
import { en } from "./en.js";
import { type MessageOverrides, type Messages, mergeMessages } from "./messages.js";

/** Internal: `OnboardingProvider` fills it with the messages its store announces in. */
export const MessagesContext = createContext<Messages>(en);

/** The widget's strings for the nearest `<MessagesProvider>` (English outside any). */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}

export interface MessagesProviderProps {
  /** A BCP 47 tag, e.g. "de" or "es-MX"; its language picks the catalogue, the whole tag the number format. */
  locale?: string;
  /** Overrides on top of the locale's catalogue. Pass a stable object (memoize it) to spare re-renders. */
  messages?: MessageOverrides;
  children?: ReactNode;
}

/** Chooses the language of everything inside; `<VoiceOnboarding locale>` renders one for its own tree. */
export function MessagesProvider({ locale, messages, children }: MessagesProviderProps) {
  const value = useMemo(() => resolveMessages(locale, messages), [locale, messages]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/** `overrides` on top of the context's messages, resolved once per pair so memoized items see one object. */
export function useMessagesWith(overrides: MessageOverrides | undefined): Messages {
  const base = useMessages();
  return useMemo(() => mergeMessages(base, overrides), [base, overrides]);
}
