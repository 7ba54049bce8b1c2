"use client";

import { type ConnectionDetails, type TurnLatency, VoiceOnboarding } from "@voice-onboarding/widget";
import { Room } from "livekit-client";
import { useCallback, useEffect, useState } from "react";

/** Asks our own backend (app/api/onboarding) for a room token; the service's API key never reaches here. */
async function fetchConnection(slot: string): Promise<ConnectionDetails> {
  const response = await fetch(`/api/onboarding?widget=${slot}`, { method: "POST" });
  const body: unknown = await response.json().catch(() => null);
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    const error = record.error as { message?: unknown } | undefined;
    throw new Error(
      typeof error?.message === "string" ? error.message : `token request failed (HTTP ${response.status})`,
    );
  }
  const { serverUrl, participantToken, snapshot } = record;
  if (typeof serverUrl !== "string" || typeof participantToken !== "string") {
    throw new Error("token endpoint answered without serverUrl and participantToken");
  }
  return { serverUrl, participantToken, snapshot };
}

/**
 * A host that runs its own LiveKit room (e.g. for its own video call) and hands it to the widget:
 * it connects the room itself; the widget binds to it and never disconnects it.
 */
function useHostRoom(slot: string, enabled: boolean): Room | undefined {
  const [room, setRoom] = useState<Room>();
  useEffect(() => {
    if (!enabled) return;
    const hostRoom = new Room();
    let cancelled = false;
    fetchConnection(slot)
      .then((details) => hostRoom.connect(details.serverUrl, details.participantToken))
      .then(() => {
        if (!cancelled) setRoom(hostRoom);
      })
      .catch((error: unknown) => console.warn("host room did not connect", error));
    return () => {
      cancelled = true;
      void hostRoom.disconnect();
    };
  }, [slot, enabled]);
  return room;
}

interface LiveWidgetProps {
  slot: string;
  /** The host connects its own room and passes it (`?room=host`). */
  hostRoom?: boolean;
  /** A typed conversation only (`?input=text`): no microphone asked for, the agent answers in text. */
  textOnly?: boolean;
}

export function LiveWidget({ slot, hostRoom = false, textOnly = false }: LiveWidgetProps) {
  const tokenFetcher = useCallback(() => fetchConnection(slot), [slot]);
  const room = useHostRoom(slot, hostRoom);
  const [open, setOpen] = useState(true);
  // What an ATS does with the result: here, count the hand-overs so a duplicate would show.
  const [completions, setCompletions] = useState(0);
  const onComplete = useCallback(() => setCompletions((count) => count + 1), []);
  // What a host does with each voice turn's latency: show it (or send it to its own metrics).
  const [lastTurn, setLastTurn] = useState<TurnLatency>();
  return (
    <>
      <div className="host-bar" data-testid="host-bar">
        <span data-testid="host-completions">
          {completions === 0 ? "Not handed to the ATS yet" : `Handed to the ATS ${completions}×`}
        </span>
        <span data-testid="host-latency">
          {lastTurn ? `Last voice turn: ${lastTurn.endToEndMs ?? "–"} ms to the agent's first audio` : ""}
        </span>
        <button type="button" onClick={() => setOpen((value) => !value)}>
          {open ? "Close intake" : "Reopen intake"}
        </button>
        {hostRoom && (
          <span data-testid="host-room">{room ? "Host room connected" : "Host room connecting…"}</span>
        )}
      </div>
      {open &&
        (hostRoom ? (
          room && (
            <VoiceOnboarding
              room={room}
              onComplete={onComplete}
              onMetrics={setLastTurn}
              textOnly={textOnly}
            />
          )
        ) : (
          <VoiceOnboarding
            tokenFetcher={tokenFetcher}
            onComplete={onComplete}
            onMetrics={setLastTurn}
            textOnly={textOnly}
          />
        ))}
    </>
  );
}
