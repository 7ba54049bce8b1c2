"use client";

import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { Heading } from "../cards/heading.js";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";
import type { ControlLabels } from "./labels.js";

/** The live conversation, both sides, newest at the bottom. */
export function Transcript({ labels }: { labels: ControlLabels }) {
  const transcript = useStore(useOnboardingStore(), (state) => state.transcript);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (list && transcript.length > 0) list.scrollTop = list.scrollHeight;
  }, [transcript]);
  return (
    <section className="vo-transcript" aria-label={labels.transcriptTitle}>
      <Heading className="vo-transcript__title">{labels.transcriptTitle}</Heading>
      {transcript.length === 0 ? (
        <p className="vo-transcript__empty">{labels.transcriptEmpty}</p>
      ) : (
        // Scrollable, so it must be reachable by keyboard.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container needs focus to scroll by keyboard
        <ol className="vo-transcript__list" ref={listRef} tabIndex={0}>
          {transcript.map((entry) => (
            <li
              key={entry.id}
              className="vo-transcript__entry"
              data-speaker={entry.speaker}
              data-final={entry.final}
            >
              <span className="vo-transcript__speaker">
                {entry.speaker === "agent" ? labels.speakerAgent : labels.speakerRecruiter}
              </span>
              <span className="vo-transcript__text">{entry.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
