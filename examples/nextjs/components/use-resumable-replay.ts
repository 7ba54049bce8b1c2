"use client";

import { createReplayTransport, type RecordedEntry, type Transport } from "@voice-onboarding/widget";
import { useCallback, useEffect, useState } from "react";

export interface ResumableReplay {
  /** Null until mounted: the resume position lives in sessionStorage, which the server cannot read. */
  transport: Transport | null;
  /** Entries (messages and conversation lines) played so far. */
  position: number;
  /** Where this run resumed after a reload; 0 for a fresh run. */
  resumedAt: number;
  /** Changes with every new transport, so the widget remounts with a fresh store. */
  run: number;
  restart(): void;
}

const storageKey = (slot: string) => `voice-onboarding-example:replay-position:${slot}`;

function savedPosition(slot: string, length: number): number {
  const saved = Number(sessionStorage.getItem(storageKey(slot)));
  return Number.isInteger(saved) && saved > 0 && saved <= length ? saved : 0;
}

/** A replay transport that remembers how far it got, so a reload picks up where it left off. */
export function useResumableReplay(
  slot: string,
  recording: readonly RecordedEntry[],
  speed: number,
): ResumableReplay {
  const [restarts, setRestarts] = useState(0);
  const [state, setState] = useState({
    transport: null as Transport | null,
    position: 0,
    resumedAt: 0,
    run: 0,
  });

  useEffect(() => {
    const resumedAt = restarts === 0 ? savedPosition(slot, recording.length) : 0;
    const transport = createReplayTransport({
      recording,
      speed,
      startAt: resumedAt,
      onPosition(position) {
        sessionStorage.setItem(storageKey(slot), String(position));
        setState((current) => ({ ...current, position }));
      },
    });
    setState((current) => ({ transport, position: resumedAt, resumedAt, run: current.run + 1 }));
    return () => void transport.disconnect();
  }, [slot, recording, speed, restarts]);

  const restart = useCallback(() => {
    sessionStorage.removeItem(storageKey(slot));
    setRestarts((current) => current + 1);
  }, [slot]);

  return { ...state, restart };
}
