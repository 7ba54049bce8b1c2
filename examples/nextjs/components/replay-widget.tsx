"use client";

import { type ReplayOutput, VoiceOnboarding } from "@voice-onboarding/widget";
import { recordingFromReplay } from "@voice-onboarding/widget/replay";
import { useMemo } from "react";
import { useResumableReplay } from "./use-resumable-replay";

interface ReplayWidgetProps {
  slot: string;
  /** The agent's replay output (a `*.recording.json`): messages, opening and transcript. */
  replay: ReplayOutput;
  speed: number;
}

export function ReplayWidget({ slot, replay, speed }: ReplayWidgetProps) {
  // Messages and conversation lines in one timeline; the counter counts both.
  const recording = useMemo(() => recordingFromReplay(replay), [replay]);
  const { transport, position, resumedAt, run, restart } = useResumableReplay(slot, recording, speed);
  return (
    <>
      <div className="replay-progress" data-testid="replay-progress">
        <span>
          Step <output data-testid="replay-position">{position}</output> of {recording.length}
          {resumedAt > 0 && ` · resumed at step ${resumedAt}`}
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
