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

/** What the agent is doing (listening / thinking / speaking), or that the widget waits for it, in words and bars. */
export function AgentIndicator({ labels }: { labels: ControlLabels }) {
  const store = useOnboardingStore();
  const agentState = useStore(store, (state) => state.agentState);
  const waiting = useStore(store, (state) => state.agentWait?.phase);
  const hasRoom = useStore(store, (state) => state.room !== null);
  const label =
    waiting === "retrying"
      ? labels.agentRetrying
      : waiting === "waiting"
        ? labels.agentWaiting
        : labels.agent[agentState];
  return (
    <div className="vo-agent" data-state={agentState} data-wait={waiting}>
      {hasRoom ? (
        <RoomVisualizer state={agentState} />
      ) : (
        <BarVisualizer className="vo-visualizer" state={agentState} barCount={5} aria-hidden />
      )}
      <span className="vo-agent__label">{label}</span>
    </div>
  );
}
