import type { metrics } from "@livekit/agents";
import { PARTICIPANT_ATTRIBUTE, readTurnLatency } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import type { StoredTurnLatency } from "../store/turn-latency-store.js";
import { type TurnLatency, TurnMetrics, turnLatencyAnnouncer, turnLatencyKeeper } from "./turn-metrics.js";

const metric = (fields: Record<string, unknown>) => fields as unknown as metrics.AgentMetrics;

describe("turn latency", () => {
  it("groups a turn's metrics by speech id and keeps the finished turn with the session", async () => {
    const kept: [string, StoredTurnLatency][] = [];
    const store = {
      recordTurnLatency: async (sessionId: string, turn: StoredTurnLatency) =>
        void kept.push([sessionId, turn]),
      turnLatency: async () => [],
    };
    const turns = new TurnMetrics(turnLatencyKeeper(store, "session-1", () => {}));
    turns.record(metric({ type: "eou_metrics", speechId: "s1", endOfUtteranceDelayMs: 600 }));
    turns.record(metric({ type: "llm_metrics", speechId: "s1", ttftMs: 40 }));
    turns.record(metric({ type: "llm_metrics", speechId: "s1", ttftMs: 900 })); // a later tool step
    expect(kept).toEqual([]);
    turns.record(metric({ type: "tts_metrics", speechId: "s1", ttfbMs: 60 }));
    await Promise.resolve();
    expect(kept).toEqual([
      [
        "session-1",
        { speechId: "s1", endOfUtteranceDelayMs: 600, llmTtftMs: 40, ttsTtfbMs: 60, endToEndMs: 700 },
      ],
    ]);
  });

  it("logs a failed write instead of failing the turn, and keeps nothing for a store without latency", async () => {
    const warnings: string[] = [];
    const failing = {
      recordTurnLatency: async () => Promise.reject(new Error("database down")),
      turnLatency: async () => [],
    };
    const keep = turnLatencyKeeper(failing, "s", (detail) => warnings.push(JSON.stringify(detail)));
    keep({ speechId: "s1" } satisfies TurnLatency);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warnings.join()).toContain("database down");
    expect(() => turnLatencyKeeper({}, "s", () => {})({ speechId: "s1" })).not.toThrow();
  });

  it("announces each finished turn on the agent as an attribute the widget reads back, and logs a failed update", async () => {
    const set: Record<string, string>[] = [];
    const warnings: string[] = [];
    const participant = {
      setAttributes: async (attributes: Record<string, string>) => {
        set.push(attributes);
        if (set.length > 1) throw new Error("not connected");
      },
    };
    const turns = new TurnMetrics(
      turnLatencyAnnouncer(participant, (detail) => warnings.push(JSON.stringify(detail))),
    );
    turns.record(metric({ type: "eou_metrics", speechId: "s1", endOfUtteranceDelayMs: 600 }));
    turns.record(metric({ type: "llm_metrics", speechId: "s1", ttftMs: 40 }));
    turns.record(metric({ type: "tts_metrics", speechId: "s1", ttfbMs: 60 }));
    expect(set).toHaveLength(1);
    expect(readTurnLatency(set[0]?.[PARTICIPANT_ATTRIBUTE.turnLatency])).toEqual({
      speechId: "s1",
      endOfUtteranceDelayMs: 600,
      llmTtftMs: 40,
      ttsTtfbMs: 60,
      endToEndMs: 700,
    });
    turns.record(metric({ type: "llm_metrics", speechId: "s2", ttftMs: 30 }));
    turns.record(metric({ type: "tts_metrics", speechId: "s2", ttfbMs: 50 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warnings.join()).toContain("not connected");
  });
});
