"use client";

import { useOnboardingSession } from "../hooks/use-onboarding-session.js";
import type { ControlMessages } from "../i18n/control-messages.js";

/** Explains a blocked or missing microphone and offers to carry on by text. */
export function MicrophoneNotice({ labels }: { labels: ControlMessages }) {
  const { microphone, start } = useOnboardingSession();
  if (microphone === "requesting") {
    return (
      <p className="vo-notice" role="status">
        {labels.microphoneRequesting}
      </p>
    );
  }
  if (microphone === "text-only") return <p className="vo-notice">{labels.textOnlyNotice}</p>;
  if (microphone !== "denied" && microphone !== "unavailable") return null;
  const continueWithText = (
    <button
      type="button"
      className="vo-button"
      data-variant="primary"
      onClick={() => void start({ textOnly: true })}
    >
      {labels.continueWithText}
    </button>
  );
  if (microphone === "unavailable") {
    return (
      <div className="vo-notice vo-notice--warning" role="alert">
        <p>{labels.microphoneUnavailable}</p>
        {continueWithText}
      </div>
    );
  }
  return (
    <div className="vo-notice vo-notice--warning" role="alert" data-testid="vo-microphone-denied">
      <p className="vo-notice__title">{labels.microphoneDeniedTitle}</p>
      <p>{labels.microphoneDeniedIntro}</p>
      <dl className="vo-notice__help">
        {labels.microphoneHelp.map(({ browser, steps }) => (
          <div key={browser}>
            <dt>{browser}</dt>
            <dd>{steps}</dd>
          </div>
        ))}
      </dl>
      <div className="vo-notice__actions">
        <button type="button" className="vo-button" onClick={() => void start()}>
          {labels.tryMicrophoneAgain}
        </button>
        {continueWithText}
      </div>
    </div>
  );
}
