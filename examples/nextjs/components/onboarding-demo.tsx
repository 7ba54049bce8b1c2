"use client";

import type { ReplayOutput } from "@voice-onboarding/widget";
import { LiveWidget } from "./live-widget";
import { ReplayWidget } from "./replay-widget";

interface OnboardingDemoProps {
  live: boolean;
  /** The recorded intake; only read in replay mode. */
  replay: ReplayOutput | null;
  speed: number;
  widgets: number;
  /** Live mode: the host connects its own LiveKit room and passes it to the widget. */
  hostRoom?: boolean;
  /** Live mode: a typed conversation only (`?input=text`). */
  textOnly?: boolean;
}

/** One widget per intake on the page; each has its own store, session and replay. */
export function OnboardingDemo({
  live,
  replay,
  speed,
  widgets,
  hostRoom = false,
  textOnly = false,
}: OnboardingDemoProps) {
  const slots = Array.from({ length: widgets }, (_, index) => String(index + 1));
  return (
    <div className="intakes" data-count={widgets}>
      {slots.map((slot) => (
        <section
          key={slot}
          className="intake"
          aria-label={widgets > 1 ? `Intake ${slot}` : "Intake"}
          data-testid={`intake-${slot}`}
        >
          {widgets > 1 && <h2 className="intake__title">Intake {slot}</h2>}
          {live || replay === null ? (
            <LiveWidget slot={slot} hostRoom={hostRoom} textOnly={textOnly} />
          ) : (
            <ReplayWidget slot={slot} replay={replay} speed={speed} />
          )}
        </section>
      ))}
    </div>
  );
}
