"use client";

import { useOnboardingSession } from "../hooks/use-onboarding-session.js";
import type { ControlMessages } from "../i18n/control-messages.js";
import { AgentIndicator } from "./agent-indicator.js";
import { ConnectionStatus } from "./connection-status.js";
import { useLiveKitParts } from "./livekit-scope.js";
import { MicrophoneNotice } from "./microphone-notice.js";

const LIVE = new Set(["connecting", "connected", "reconnecting"]);

/** Start/stop, mute, the agent's state and the connection state; `textOnly` starts without the microphone. */
export function VoiceControls({ labels, textOnly = false }: { labels: ControlMessages; textOnly?: boolean }) {
  const { connection, microphone, muted, start, stop, setMuted } = useOnboardingSession();
  const livekit = useLiveKitParts();
  const live = LIVE.has(connection.status);
  const canMute = connection.status === "connected" && microphone === "granted";
  return (
    <section className="vo-controls" aria-label={labels.controlsRegion}>
      <div className="vo-controls__row">
        {live ? (
          <button type="button" className="vo-button" data-variant="danger" onClick={() => void stop()}>
            {labels.stop}
          </button>
        ) : (
          <button
            type="button"
            className="vo-button"
            data-variant="primary"
            disabled={microphone === "requesting"}
            onClick={() => void start({ textOnly })}
          >
            {labels.start}
          </button>
        )}
        {canMute && (
          <button
            type="button"
            className="vo-button"
            aria-pressed={muted}
            onClick={() => void setMuted(!muted)}
          >
            {muted ? labels.unmute : labels.mute}
          </button>
        )}
        {livekit && <livekit.StartAudio className="vo-button" label={labels.startAudio} />}
        <AgentIndicator labels={labels} />
      </div>
      <ConnectionStatus labels={labels} />
      <MicrophoneNotice labels={labels} />
    </section>
  );
}
