import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import { ConnectionState, ParticipantKind, Room, RoomEvent } from "livekit-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import { SESSION_ID, TURN } from "./fixtures.js";
import { setConnectionState, setLocalParticipant, updateParticipant } from "./livekit-room.js";

/**
 * `onMetrics` on a real livekit-client Room the host owns: the server's participant updates go
 * through the room's own handler (no LiveKit server runs here); only the microphone publish (no
 * device in happy-dom) and the agent's RPC answer are stand-ins.
 */
const ours = { [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID };
const announce = (room: Room, identity: string, value: string, kind = ParticipantKind.AGENT) =>
  act(async () => {
    updateParticipant(room, identity, {
      kind,
      attributes: { ...ours, "lk.agent.state": "listening", [PARTICIPANT_ATTRIBUTE.turnLatency]: value },
    });
  });

let room: Room;

beforeEach(() => {
  vi.stubGlobal("navigator", {
    ...navigator,
    mediaDevices: { getUserMedia: vi.fn().mockResolvedValue({ getTracks: () => [{ stop: vi.fn() }] }) },
  });
  room = new Room();
  vi.spyOn(room.localParticipant, "setMicrophoneEnabled").mockResolvedValue(undefined);
  // The widget asks the agent for a snapshot on Start; no agent answers here.
  vi.spyOn(room.localParticipant, "performRpc").mockResolvedValue(JSON.stringify({ seq: 1 }));
  setLocalParticipant(room, "recruiter-1", ours);
  setConnectionState(room, ConnectionState.Connected);
  updateParticipant(room, "agent-1", {
    kind: ParticipantKind.AGENT,
    attributes: { ...ours, "lk.agent.state": "listening" },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("onMetrics", () => {
  it("reports each turn's latency the session's agent announces, and nothing from anyone else", async () => {
    const onMetrics = vi.fn();
    const { unmount } = render(<VoiceOnboarding room={room} onMetrics={onMetrics} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Start conversation" })));
    await vi.waitFor(() =>
      expect(document.querySelector<HTMLElement>(".vo-status")?.dataset.state).toBe("connected"),
    );

    await announce(room, "agent-1", JSON.stringify(TURN));
    expect(onMetrics).toHaveBeenCalledExactlyOnceWith(TURN);

    // Another session's agent, a recruiter, and values that are not a turn's latency are ignored.
    await act(async () => {
      updateParticipant(room, "agent-2", {
        kind: ParticipantKind.AGENT,
        attributes: {
          [PARTICIPANT_ATTRIBUTE.sessionId]: "another-session",
          [PARTICIPANT_ATTRIBUTE.turnLatency]: JSON.stringify({ ...TURN, speechId: "theirs" }),
        },
      });
    });
    await announce(
      room,
      "recruiter-2",
      JSON.stringify({ ...TURN, speechId: "spoofed" }),
      ParticipantKind.STANDARD,
    );
    await announce(room, "agent-1", "{not json");
    await announce(room, "agent-1", JSON.stringify({ speechId: "speech-2", llmTtftMs: "fast" }));
    expect(onMetrics).toHaveBeenCalledOnce();

    await announce(room, "agent-1", JSON.stringify({ speechId: "speech-3", llmTtftMs: 280 }));
    expect(onMetrics).toHaveBeenLastCalledWith({ speechId: "speech-3", llmTtftMs: 280 });

    unmount();
    expect(room.listenerCount(RoomEvent.ParticipantAttributesChanged)).toBe(0);
  });
});
