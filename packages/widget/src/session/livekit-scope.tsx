"use client";

import { RoomAudioRenderer, RoomContext } from "@livekit/components-react";
import type { Room } from "livekit-client";
import type { ReactNode } from "react";

/**
 * Gives LiveKit's components the room while a LiveKit session runs; plays the agent's audio. The
 * transcript comes from the transport (transport/transcriptions.ts), not components-react's
 * useTranscriptions, whose reader throws uncaught into the page when a stream is cut by a leave.
 */
export function LiveKitScope({ room, children }: { room: Room | null; children: ReactNode }) {
  if (room === null) return children;
  return (
    <RoomContext.Provider value={room}>
      <RoomAudioRenderer />
      {children}
    </RoomContext.Provider>
  );
}
