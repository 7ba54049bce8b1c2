import { EventEmitter } from "node:events";
import { voice } from "@livekit/agents";
import { describe, expect, it, vi } from "vitest";
import { PROVIDER_FAILURE_NOTICES, transcriptLine, watchProviderFailures } from "./provider-failures.js";

function setup() {
  const events = new EventEmitter();
  const setAudioEnabled = vi.fn();
  const told: string[] = [];
  const session = { on: events.on.bind(events) } as unknown as Parameters<
    typeof watchProviderFailures
  >[0]["session"];
  watchProviderFailures({
    session,
    onVoiceFailed: () => setAudioEnabled(false),
    tell: async (text) => told.push(text),
    logger: { warn: () => {} },
  });
  const fail = (type: string, recoverable = false, cause = new Error(`${type} down`)) =>
    events.emit(voice.AgentSessionEventTypes.Error, {
      type: "error",
      error: { type, recoverable, error: cause, label: "x", timestamp: 0 },
      createdAt: 0,
    });
  return { fail, told, setAudioEnabled };
}

describe("provider failures", () => {
  it("tells the recruiter in text once per failed provider, and goes on without audio when TTS failed", () => {
    const { fail, told, setAudioEnabled } = setup();
    fail("tts_error", true); // a retry under way: nothing to say yet
    expect(told).toEqual([]);
    fail("tts_error");
    fail("tts_error");
    fail("stt_error");
    expect(told).toEqual([PROVIDER_FAILURE_NOTICES.tts_error, PROVIDER_FAILURE_NOTICES.stt_error]);
    expect(setAudioEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  it("ignores errors of kinds it has no words for, and syntheses agents-js aborted itself", () => {
    const { fail, told, setAudioEnabled } = setup();
    fail("interruption_detection_error");
    fail("tts_error", false, new Error("Request was aborted."));
    expect(told).toEqual([]);
    expect(setAudioEnabled).not.toHaveBeenCalled();
  });

  it("sends the notice as a final line of the agent's transcript", async () => {
    const sendText = vi.fn(async () => ({}));
    await transcriptLine({ sendText }, "hello");
    expect(sendText).toHaveBeenCalledWith("hello", {
      topic: "lk.transcription",
      attributes: { "lk.segment_id": expect.stringMatching(/^notice_/), "lk.transcription_final": "true" },
    });
  });
});
