"use client";

import { BarVisualizer, useVoiceAssistant } from "@livekit/components-react";
import { useStore } from "zustand";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";
import type { AgentStatus } from "../store/types.js";
import type { ControlLabels } from "./labels.js";

function RoomVisualizer({ state }: { state: AgentStatus }) {
  const { audioTrack } = useVoiceAssistant();
  return (
    <BarVisualizer className="vo-visualizer" state={state} barCount={5} track={audioTrack} aria-hidden />
  );
}

/** What the agent is doing (listening / thinking / speaking), in words and bars. */
export function AgentIndicator({ labels }: { labels: ControlLabels }) {
  const store = useOnboardingStore();
  const agentState = useStore(store, (state) => state.agentState);
  const hasRoom = useStore(store, (state) => state.room !== null);
  return (
    <div className="vo-agent" data-state={agentState}>
      {hasRoom ? (
        <RoomVisualizer state={agentState} />
      ) : (
        <BarVisualizer className="vo-visualizer" state={agentState} barCount={5} aria-hidden />
      )}
      <span className="vo-agent__label">{labels.agent[agentState]}</span>
    </div>
  );
}
