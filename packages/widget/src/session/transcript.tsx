"use client";

import { type UIEvent, useEffect, useRef } from "react";
import { useStore } from "zustand";
import { Heading } from "../cards/heading.js";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";
import type { ControlMessages } from "../i18n/control-messages.js";

/** The live conversation, both sides, newest at the bottom. */
export function Transcript({ labels }: { labels: ControlMessages }) {
  const transcript = useStore(useOnboardingStore(), (state) => state.transcript);
  const listRef = useRef<HTMLOListElement>(null);
  const followsNewest = useRef(true);
  // Where the last automatic scroll left the list: its own scroll event (which may arrive after
  // more lines were added) must not read as the recruiter scrolling up.
  const autoScrolledTo = useRef(0);
  useEffect(() => {
    const list = listRef.current;
    if (!list || transcript.length === 0) return;
    // Scroll once per frame, not per transcript update: reading scrollHeight in the commit forced a
    // layout for every interim word while cards were painting.
    const frame = requestAnimationFrame(() => {
      if (!followsNewest.current) return;
      list.scrollTop = list.scrollHeight;
      autoScrolledTo.current = list.scrollTop;
    });
    return () => cancelAnimationFrame(frame);
  }, [transcript]);
  // A recruiter who scrolled up to reread keeps their place; back at the bottom, it follows again.
  const onScroll = (event: UIEvent<HTMLOListElement>) => {
    const list = event.currentTarget;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    followsNewest.current = atBottom || list.scrollTop >= autoScrolledTo.current - 1;
  };
  return (
    <section className="vo-transcript" aria-label={labels.transcriptTitle}>
      <Heading className="vo-transcript__title">{labels.transcriptTitle}</Heading>
      {transcript.length === 0 ? (
        <p className="vo-transcript__empty">{labels.transcriptEmpty}</p>
      ) : (
        // Scrollable, so it must be reachable by keyboard.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container needs focus to scroll by keyboard
        <ol className="vo-transcript__list" ref={listRef} tabIndex={0} onScroll={onScroll}>
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
              {entry.undelivered && (
                <span className="vo-transcript__undelivered">{labels.lineNotDelivered}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
