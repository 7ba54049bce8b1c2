import { ParticipantKind } from "@livekit/rtc-node";
import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { readSessionId } from "./dispatch-metadata.js";
import { isRecruiterIn, recruitersIn } from "./recruiter-presence.js";
import { type TurnLatency, TurnMetrics } from "./turn-metrics.js";

describe("readSessionId", () => {
  it("takes the session id from dispatch metadata, else room metadata", () => {
    expect(readSessionId('{"sessionId":"abc-123"}', undefined)).toEqual({ ok: true, sessionId: "abc-123" });
    expect(readSessionId("", '{"sessionId":"from-room"}')).toEqual({ ok: true, sessionId: "from-room" });
  });

  it("explains what is wrong instead of throwing", () => {
    expect(readSessionId(undefined, "")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no dispatch or room metadata"),
    });
    expect(readSessionId("session-1")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not JSON"),
    });
    expect(readSessionId('{"sessionId":""}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("sessionId"),
    });
    expect(readSessionId('{"session":"x"}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid metadata: sessionId/),
    });
  });
});

describe("recruiter presence", () => {
  const participant = (identity: string, kind: ParticipantKind, role?: string, session = "s-1") => ({
    identity,
    kind,
    attributes: (role
      ? { [PARTICIPANT_ATTRIBUTE.role]: role, [PARTICIPANT_ATTRIBUTE.sessionId]: session }
      : {}) as Record<string, string>,
  });
  const room = {
    remoteParticipants: new Map([
      ["agent-1", participant("agent-1", ParticipantKind.AGENT, "recruiter")],
      ["guest", participant("guest", ParticipantKind.STANDARD)],
      ["recruiter-7", participant("recruiter-7", ParticipantKind.STANDARD, "recruiter")],
      ["other-session", participant("other-session", ParticipantKind.STANDARD, "recruiter", "s-2")],
      ["recruiter-8", participant("recruiter-8", ParticipantKind.STANDARD, "recruiter")],
    ]),
  };

  it("recognises only standard participants with the recruiter role for this session", () => {
    expect(isRecruiterIn(room, "s-1", "recruiter-7")).toBe(true);
    expect(isRecruiterIn(room, "s-1", "agent-1")).toBe(false);
    expect(isRecruiterIn(room, "s-1", "guest")).toBe(false);
    expect(isRecruiterIn(room, "s-1", "other-session")).toBe(false);
    expect(isRecruiterIn(room, "s-1", "nobody")).toBe(false);
    expect(recruitersIn(room, "s-1")).toEqual(["recruiter-7", "recruiter-8"]);
    expect(recruitersIn({ remoteParticipants: new Map() }, "s-1")).toEqual([]);
  });
});

describe("TurnMetrics", () => {
  it("joins EOU, LLM and TTS metrics of one speech into a turn with its end-to-end latency", () => {
    const logged: TurnLatency[] = [];
    const metrics = new TurnMetrics((turn) => logged.push(turn));
    const base = { timestamp: 0, label: "x", requestId: "r" };
    metrics.record({
      type: "eou_metrics",
      timestamp: 0,
      endOfUtteranceDelayMs: 420,
      transcriptionDelayMs: 80,
      onUserTurnCompletedDelayMs: 1,
      lastSpeakingTimeMs: 0,
      speechId: "s1",
    });
    metrics.record({
      ...base,
      type: "llm_metrics",
      durationMs: 900,
      ttftMs: 310,
      cancelled: false,
      completionTokens: 1,
      promptTokens: 1,
      promptCachedTokens: 0,
      totalTokens: 2,
      tokensPerSecond: 1,
      speechId: "s1",
    });
    metrics.record({
      ...base,
      type: "llm_metrics",
      durationMs: 500,
      ttftMs: 999,
      cancelled: false,
      completionTokens: 1,
      promptTokens: 1,
      promptCachedTokens: 0,
      totalTokens: 2,
      tokensPerSecond: 1,
      speechId: "s2",
    });
    expect(logged).toEqual([]);
    metrics.record({
      ...base,
      type: "tts_metrics",
      ttfbMs: 150,
      durationMs: 700,
      audioDurationMs: 2000,
      cancelled: false,
      charactersCount: 40,
      streamed: true,
      speechId: "s1",
    });
    expect(logged).toEqual([
      { speechId: "s1", endOfUtteranceDelayMs: 420, llmTtftMs: 310, ttsTtfbMs: 150, endToEndMs: 880 },
    ]);
    expect(metrics.turns).toEqual(logged);
  });
});
