import { EventEmitter } from "node:events";
import { voice } from "@livekit/agents";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchHearing } from "./hearing-watchdog.js";

afterEach(() => vi.useRealTimers());

function setup() {
  vi.useFakeTimers();
  const events = new EventEmitter();
  const onDeaf = vi.fn();
  watchHearing({
    session: { on: events.on.bind(events) } as never,
    onDeaf,
    unheardAfterMs: 1000,
    unheardTurns: 2,
  });
  const speaks = () => {
    events.emit(voice.AgentSessionEventTypes.UserStateChanged, {
      oldState: "listening",
      newState: "speaking",
    });
    events.emit(voice.AgentSessionEventTypes.UserStateChanged, {
      oldState: "speaking",
      newState: "listening",
    });
  };
  const transcribed = () =>
    events.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "hi", isFinal: false });
  return { onDeaf, speaks, transcribed };
}

describe("watchHearing", () => {
  it("takes speech-to-text for dead after two spoken turns in a row without any transcript, once", () => {
    const { onDeaf, speaks } = setup();
    speaks();
    vi.advanceTimersByTime(1000);
    expect(onDeaf).not.toHaveBeenCalled();
    speaks();
    vi.advanceTimersByTime(1000);
    speaks();
    vi.advanceTimersByTime(5000);
    expect(onDeaf).toHaveBeenCalledOnce();
  });

  it("stays quiet while transcripts follow speech, even late ones, and after a single unheard cough", () => {
    const { onDeaf, speaks, transcribed } = setup();
    speaks();
    vi.advanceTimersByTime(500);
    transcribed();
    speaks();
    vi.advanceTimersByTime(1000); // the cough: nothing heard
    speaks();
    transcribed();
    vi.advanceTimersByTime(5000);
    speaks();
    vi.advanceTimersByTime(1000);
    expect(onDeaf).not.toHaveBeenCalled();
  });
});
