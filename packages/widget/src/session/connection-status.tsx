"use client";

import { useOnboardingSession } from "../hooks/use-onboarding-session.js";
import type { ControlMessages } from "../i18n/control-messages.js";

/** Connecting, reconnecting, disconnected or failed, with a retry button when it failed. */
export function ConnectionStatus({ labels }: { labels: ControlMessages }) {
  const { connection, retry } = useOnboardingSession();
  return (
    <div className="vo-status" data-state={connection.status} role="status">
      <span className="vo-status__dot" aria-hidden />
      <span className="vo-status__label">{labels.connection[connection.status]}</span>
      {connection.status === "failed" && (
        <>
          {connection.error && <span className="vo-status__error">{connection.error}</span>}
          <button type="button" className="vo-button" onClick={() => void retry()}>
            {labels.retry}
          </button>
        </>
      )}
    </div>
  );
}
