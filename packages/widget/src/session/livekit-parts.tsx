"use client";

import {
  BarVisualizer,
  RoomAudioRenderer,
  RoomContext,
  StartAudio,
  useVoiceAssistant,
} from "@livekit/components-react";
import type { Room } from "livekit-client";
import type { ReactNode } from "react";
import type { AgentStatus } from "../store/types.js";

/*
 * Everything the widget takes from @livekit/components-react (and so from livekit-client). Loaded
 * when a session binds a room (livekit-scope.tsx), never with the first render.
 */

/** Gives LiveKit's components the room and plays the agent's audio. */
export function RoomScope({ room, children }: { room: Room; children: ReactNode }) {
  return (
    <RoomContext.Provider value={room}>
      <RoomAudioRenderer />
      {children}
    </RoomContext.Provider>
  );
}

export function RoomVisualizer({ state }: { state: AgentStatus }) {
  const { audioTrack } = useVoiceAssistant();
  return (
    <BarVisualizer className="vo-visualizer" state={state} barCount={5} track={audioTrack} aria-hidden />
  );
}

export { StartAudio };
