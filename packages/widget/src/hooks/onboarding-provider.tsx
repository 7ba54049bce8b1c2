"use client";

import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { en } from "../i18n/en.js";
import { type MessageOverrides, mergeMessages } from "../i18n/messages.js";
import { MessagesContext, useLocaleMessages, useMessages } from "../i18n/use-messages.js";
import { type ConnectionOptions, createSessionController } from "../session/controller.js";
import { createOnboardingStore, type OnboardingStore } from "../store/create-store.js";
import type { TransportError } from "../transport/types.js";
import { OnboardingContext } from "./context.js";

export interface OnboardingProviderProps {
  connection?: ConnectionOptions;
  /** Supply a store to read it from outside; by default each provider makes its own. */
  store?: OnboardingStore;
  onError?: (error: TransportError) => void;
  /**
   * How long a connected LiveKit session waits for a missing agent (not arrived, or its job died)
   * before calling `tokenFetcher` again, whose session service then dispatches one; later requests
   * back off (2×, 4×, … up to a minute). Read on start. Default 6000.
   */
  agentWaitMs?: number;
  /**
   * A BCP 47 tag ("de", "es-MX"): its language picks the catalogue, the whole tag the number format.
   * Without it, the language of a surrounding `<MessagesProvider>`, else English. A language other
   * than English loads its catalogue first (one small chunk; the children render when it is in).
   */
  locale?: string;
  /** Overrides on top of the locale's catalogue; pass a stable (memoized) object. */
  messages?: MessageOverrides;
  children?: ReactNode;
}

/**
 * Gives its children one widget's store and session; nothing is shared between providers.
 * Unmounting ends the session.
 */
export function OnboardingProvider({
  connection,
  store,
  onError,
  agentWaitMs,
  locale,
  messages,
  children,
}: OnboardingProviderProps) {
  const surrounding = useMessages();
  const inSurrounding = useMemo(() => mergeMessages(surrounding, messages), [surrounding, messages]);
  const ofLocale = useLocaleMessages(locale, messages);
  const resolved = locale === undefined ? inSurrounding : ofLocale;
  const [ownStore] = useState(() => store ?? createOnboardingStore({ messages: resolved ?? en }));
  // Before paint, so an announcement right after a language change is already in the new one.
  useLayoutEffect(() => {
    if (resolved && ownStore.getState().messages !== resolved) ownStore.getState().setMessages(resolved);
  }, [ownStore, resolved]);
  const latest = useRef({ connection, onError, agentWaitMs });
  latest.current = { connection, onError, agentWaitMs };
  const value = useMemo(
    () => ({
      store: ownStore,
      session: createSessionController({
        store: ownStore,
        connection: () => latest.current.connection,
        onError: (error) => latest.current.onError?.(error),
        agentWaitMs: () => latest.current.agentWaitMs,
      }),
    }),
    [ownStore],
  );
  // stop() does nothing when no session runs, and the controller starts again after it, so
  // StrictMode's mount, unmount, mount leaves an idle widget idle and usable.
  useEffect(() => () => void value.session.stop(), [value]);
  return (
    <OnboardingContext.Provider value={value}>
      {resolved && <MessagesContext.Provider value={resolved}>{children}</MessagesContext.Provider>}
    </OnboardingContext.Provider>
  );
}
