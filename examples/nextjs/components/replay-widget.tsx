"use client";

import { recordingFromReplay, VoiceOnboarding } from "@voice-onboarding/widget";
import { useMemo } from "react";
import { useResumableReplay } from "./use-resumable-replay";

interface ReplayWidgetProps {
  slot: string;
  /** The agent's replay output (`messages` of a `*.recording.json`). */
  messages: readonly unknown[];
  speed: number;
}

export function ReplayWidget({ slot, messages, speed }: ReplayWidgetProps) {
  const recording = useMemo(() => recordingFromReplay({ messages }), [messages]);
  const { transport, position, resumedAt, run, restart } = useResumableReplay(slot, recording, speed);
  return (
    <>
      <div className="replay-progress" data-testid="replay-progress">
        <span>
          Message <output data-testid="replay-position">{position}</output> of {recording.length}
          {resumedAt > 0 && ` · resumed at message ${resumedAt}`}
        </span>
        <button type="button" className="replay-progress__restart" onClick={restart}>
          Restart replay
        </button>
      </div>
      {/* Rendered before the transport exists too, so the server sends the widget's markup. */}
      <VoiceOnboarding key={run} transport={transport ?? undefined} />
    </>
  );
}
