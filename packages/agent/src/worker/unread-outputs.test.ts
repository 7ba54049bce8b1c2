import { voice } from "@livekit/agents";
import { describe, expect, it, vi } from "vitest";
import { dropUnreadOutputs } from "./unread-outputs.js";

type Sink = voice.ParalellTextOutput["_sinks"][number];

/** A sink of agents-js's own class, without the room its constructor wants (only its class matters here). */
const sinkOf = <T extends object>(type: { prototype: T }): T => Object.create(type.prototype) as T;

describe("dropUnreadOutputs", () => {
  it("closes agents-js's session host once and keeps only the text-stream transcriptions", async () => {
    const legacy = () => sinkOf(voice.ParticipantLegacyTranscriptionOutput);
    const streamed = [
      sinkOf(voice.ParticipantTranscriptionOutput),
      sinkOf(voice.ParticipantTranscriptionOutput),
    ];
    const agentOutput = new voice.ParalellTextOutput([legacy(), streamed[0] as Sink]);
    const userOutput = new voice.ParalellTextOutput([legacy(), streamed[1] as Sink]);
    const close = vi.fn(async () => {});
    const session = {
      sessionHost: { close },
      _roomIO: { agentTranscriptOutput: agentOutput, userTranscriptOutput: userOutput },
    };

    await dropUnreadOutputs(session as unknown as voice.AgentSession);
    await dropUnreadOutputs(session as unknown as voice.AgentSession);

    expect(agentOutput._sinks).toHaveLength(1);
    expect(agentOutput._sinks[0]).toBe(streamed[0]);
    expect(userOutput._sinks).toHaveLength(1);
    expect(userOutput._sinks[0]).toBe(streamed[1]);
    expect(close).toHaveBeenCalledTimes(1);
    expect(session.sessionHost).toBeUndefined();
  });
});
