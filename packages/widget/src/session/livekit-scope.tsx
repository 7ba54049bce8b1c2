"use client";

import type { Room } from "livekit-client";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

type LiveKitParts = typeof import("./livekit-parts.js");

let loading: Promise<LiveKitParts> | null = null;
const loadParts = () => {
  loading ??= import("./livekit-parts.js");
  return loading;
};

const LiveKitPartsContext = createContext<LiveKitParts | null>(null);

/** LiveKit's components while a LiveKit room is bound and they have loaded; null otherwise. */
export const useLiveKitParts = () => useContext(LiveKitPartsContext);

/**
 * Gives LiveKit's components the room while a LiveKit session runs; plays the agent's audio. The
 * components (and livekit-client under them) load with the first room, not with the widget. The
 * transcript comes from the transport (transport/transcriptions.ts), not components-react's
 * useTranscriptions, whose reader throws uncaught into the page when a stream is cut by a leave.
 */
export function LiveKitScope({ room, children }: { room: Room | null; children: ReactNode }) {
  const [parts, setParts] = useState<LiveKitParts | null>(null);
  const wanted = room !== null;
  useEffect(() => {
    if (!wanted || parts !== null) return;
    let current = true;
    void loadParts().then((loaded) => current && setParts(() => loaded));
    return () => {
      current = false;
    };
  }, [wanted, parts]);
  if (room === null || parts === null) return children;
  return (
    <LiveKitPartsContext.Provider value={parts}>
      <parts.RoomScope room={room}>{children}</parts.RoomScope>
    </LiveKitPartsContext.Provider>
  );
}
