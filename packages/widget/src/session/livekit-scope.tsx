"use client";

import { RoomAudioRenderer, RoomContext, useTranscriptions } from "@livekit/components-react";
import type { Room } from "livekit-client";
import { type ReactNode, useEffect } from "react";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";

/** Copies LiveKit transcriptions (both sides) into the widget's store. */
function TranscriptionFeed({ room }: { room: Room }) {
  const store = useOnboardingStore();
  const streams = useTranscriptions({ room });
  useEffect(() => {
    for (const { text, participantInfo, streamInfo } of streams) {
      const attributes = streamInfo.attributes ?? {};
      store.getState().upsertTranscript({
        id: attributes["lk.segment_id"] ?? streamInfo.id,
        speaker: participantInfo.identity === room.localParticipant.identity ? "recruiter" : "agent",
        text,
        final: attributes["lk.transcription_final"] === "true",
        at: streamInfo.timestamp,
      });
    }
  }, [streams, store, room]);
  return null;
}

/** Gives LiveKit's components the room while a LiveKit session runs; plays the agent's audio. */
export function LiveKitScope({ room, children }: { room: Room | null; children: ReactNode }) {
  if (room === null) return children;
  return (
    <RoomContext.Provider value={room}>
      <RoomAudioRenderer />
      <TranscriptionFeed room={room} />
      {children}
    </RoomContext.Provider>
  );
}
