import { PARTICIPANT_ATTRIBUTE, readTurnLatency, type TurnLatency } from "@voice-onboarding/protocol";
import type { Participant, RoomEvent } from "livekit-client";
import { useEffect } from "react";
import { useStore } from "zustand";
import { useOnboardingStore } from "../hooks/use-onboarding-store.js";
import { sessionIdOf, trustOf } from "../transport/agent-trust.js";

/** RoomEvent.ParticipantAttributesChanged, by value: this entry loads no livekit-client code. */
const ATTRIBUTES_CHANGED =
  "participantAttributesChanged" satisfies `${RoomEvent.ParticipantAttributesChanged}`;

/**
 * Calls `onMetrics` with each voice turn's latency as this session's agent announces it (the
 * participant attribute `PARTICIPANT_ATTRIBUTE.turnLatency`); another participant's, or a value
 * that is not a turn's latency, is ignored. Only a LiveKit session has one.
 */
export function useTurnMetrics(onMetrics: ((turn: TurnLatency) => void) | undefined): void {
  const room = useStore(useOnboardingStore(), (state) => state.room);
  useEffect(() => {
    if (!room || !onMetrics) return;
    const onChanged = (changed: Record<string, string>, participant: Participant) => {
      const turn = readTurnLatency(changed[PARTICIPANT_ATTRIBUTE.turnLatency]);
      if (turn && trustOf(participant, sessionIdOf(room)) === "agent") onMetrics(turn);
    };
    room.on(ATTRIBUTES_CHANGED, onChanged);
    return () => {
      room.off(ATTRIBUTES_CHANGED, onChanged);
    };
  }, [room, onMetrics]);
}
