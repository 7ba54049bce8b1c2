import { TrackSource } from "@livekit/rtc-node";
import { describe, expect, it, vi } from "vitest";
import { createVoiceOutput, type PublishingParticipant } from "./voice-output.js";

function setup(listener: string | undefined) {
  const participants = new Map<
    string,
    PublishingParticipant & { trackPublications: Map<string, { source?: TrackSource }> }
  >();
  const join = (identity: string, sources: TrackSource[]) =>
    participants.set(identity, {
      trackPublications: new Map(sources.map((source, index) => [`TR_${identity}_${index}`, { source }])),
    });
  const setAudioEnabled = vi.fn();
  return {
    participants,
    join,
    setAudioEnabled,
    create: () => createVoiceOutput({ session: { output: { setAudioEnabled } }, participants, listener }),
  };
}

describe("createVoiceOutput", () => {
  it("keeps the voice for a recruiter who publishes a microphone, muted or not", () => {
    const { join, setAudioEnabled, create } = setup("talker");
    join("talker", [TrackSource.SOURCE_MICROPHONE]);
    create();
    expect(setAudioEnabled.mock.calls).toEqual([[true]]);
  });

  it("goes text only for a recruiter without a microphone, and speaks once they publish one", () => {
    const { participants, join, setAudioEnabled, create } = setup("typist");
    join("typist", []);
    const output = create();
    expect(setAudioEnabled.mock.calls).toEqual([[false]]);
    participants.get("typist")?.trackPublications.set("TR_mic", { source: TrackSource.SOURCE_MICROPHONE });
    output.tracksChanged();
    participants.get("typist")?.trackPublications.delete("TR_mic");
    output.tracksChanged();
    expect(setAudioEnabled.mock.calls).toEqual([[false], [true], [false]]);
  });

  it("follows the recruiter it listens to (a second tab that talks), and nobody known keeps the voice", () => {
    const { join, setAudioEnabled, create } = setup("typist");
    join("typist", []);
    join("talker", [TrackSource.SOURCE_MICROPHONE]);
    const output = create();
    output.listenTo("talker");
    output.listenTo("typist");
    output.listenTo(null);
    expect(setAudioEnabled.mock.calls).toEqual([[false], [true], [false], [true]]);
  });

  it("never speaks again once text-to-speech failed, whoever listens", () => {
    const { join, setAudioEnabled, create } = setup("talker");
    join("talker", [TrackSource.SOURCE_MICROPHONE]);
    const output = create();
    output.voiceFailed();
    output.tracksChanged();
    output.listenTo("talker");
    expect(setAudioEnabled.mock.calls).toEqual([[true], [false]]);
  });
});
