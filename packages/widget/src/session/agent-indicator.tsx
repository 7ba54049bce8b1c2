"use client";

import { useStore } from "zustand";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";
import type { ControlMessages } from "../i18n/control-messages.js";
import type { AgentStatus } from "../store/types.js";
import { useLiveKitParts } from "./livekit-scope.js";

/** BarVisualizer's markup at rest, without loading LiveKit before a session starts. */
function IdleBars({ state }: { state: AgentStatus }) {
  return (
    <div className="vo-visualizer lk-audio-bar-visualizer" data-lk-va-state={state} aria-hidden>
      {[0, 1, 2, 3, 4].map((index) => (
        <span key={index} className="lk-audio-bar" data-lk-bar-index={index} style={{ height: "20%" }} />
      ))}
    </div>
  );
}

/** What the agent is doing (listening / thinking / speaking), or that the widget waits for it, in words and bars. */
export function AgentIndicator({ labels }: { labels: ControlMessages }) {
  const store = useOnboardingStore();
  const agentState = useStore(store, (state) => state.agentState);
  const waiting = useStore(store, (state) => state.agentWait?.phase);
  const livekit = useLiveKitParts();
  const label =
    waiting === "retrying"
      ? labels.agentRetrying
      : waiting === "waiting"
        ? labels.agentWaiting
        : labels.agent[agentState];
  return (
    <div className="vo-agent" data-state={agentState} data-wait={waiting}>
      {livekit ? <livekit.RoomVisualizer state={agentState} /> : <IdleBars state={agentState} />}
      <span className="vo-agent__label">{label}</span>
    </div>
  );
}
