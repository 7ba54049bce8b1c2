"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { loadCatalogue, resolveMessages } from "./catalogues.js";
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

/**
 * Chooses the language of everything inside; `<VoiceOnboarding locale>` renders one for its own
 * tree. The children render once the language's catalogue is at hand (see `useLocaleMessages`).
 */
export function MessagesProvider({ locale, messages, children }: MessagesProviderProps) {
  const value = useLocaleMessages(locale, messages);
  if (value === undefined) return null;
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/**
 * The messages for `locale` with `overrides`, loading a catalogue that is not at hand. While it
 * loads, the language shown before stays (a switch never blanks a running widget); on a first
 * render there is none, and the result is `undefined` for the one chunk's load.
 */
export function useLocaleMessages(
  locale: string | undefined,
  overrides: MessageOverrides | undefined,
): Messages | undefined {
  const [loads, setLoads] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loads` changes when a catalogue arrives, which resolveMessages reads
  const current = useMemo(() => resolveMessages(locale, overrides), [locale, overrides, loads]);
  const [shown, setShown] = useState(current);
  if (current !== undefined && current !== shown) setShown(current);
  useEffect(() => {
    if (current !== undefined) return;
    let live = true;
    void loadCatalogue(locale).then(() => live && setLoads((count) => count + 1));
    return () => {
      live = false;
    };
  }, [current, locale]);
  return current ?? shown;
}

/** `overrides` on top of the context's messages, resolved once per pair so memoized items see one object. */
export function useMessagesWith(overrides: MessageOverrides | undefined): Messages {
  const base = useMessages();
  return useMemo(() => mergeMessages(base, overrides), [base, overrides]);
}
