"use client";

import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
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
  children,
}: OnboardingProviderProps) {
  const [ownStore] = useState(() => store ?? createOnboardingStore());
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
  return <OnboardingContext.Provider value={value}>{children}</OnboardingContext.Provider>;
}
