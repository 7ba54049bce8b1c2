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
  const onAir = vi.fn();
  return {
    participants,
    join,
    setAudioEnabled,
    onAir,
    create: (joinedAt?: Map<string, number>) =>
      createVoiceOutput({
        session: { output: { setAudioEnabled } },
        participants,
        listener,
        joinedAt,
        track: { onAir },
      }),
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

  describe("decided: the greeting waits for a microphone still being published", () => {
    const settledAfter = async (promise: Promise<void>, ms: number) => {
      let settled = false;
      void promise.then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(ms);
      return settled;
    };

    it("resolves when the recruiter's microphone arrives within the grace, voice on", async () => {
      vi.useFakeTimers();
      try {
        const { participants, join, setAudioEnabled, create } = setup("talker");
        join("talker", []);
        const output = create(new Map([["talker", Date.now()]]));
        const decided = output.decided(3000);
        expect(await settledAfter(decided, 1000)).toBe(false);
        participants
          .get("talker")
          ?.trackPublications.set("TR_mic", { source: TrackSource.SOURCE_MICROPHONE });
        output.tracksChanged();
        expect(await settledAfter(decided, 0)).toBe(true);
        expect(setAudioEnabled.mock.calls).toEqual([[false], [true]]);
      } finally {
        vi.useRealTimers();
      }
    });

    it("decides text only when the grace since the recruiter joined runs out", async () => {
      vi.useFakeTimers();
      try {
        const { join, setAudioEnabled, create } = setup("typist");
        join("typist", []);
        const output = create(new Map([["typist", Date.now() - 2000]]));
        const decided = output.decided(3000);
        expect(await settledAfter(decided, 900)).toBe(false);
        expect(await settledAfter(decided, 100)).toBe(true);
        expect(setAudioEnabled.mock.calls).toEqual([[false]]);
        // Long in the room already: nothing to wait for.
        expect(await settledAfter(output.decided(1000), 0)).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it("stops waiting when the recruiter's widget says they chose text, and only for that recruiter", async () => {
      vi.useFakeTimers();
      try {
        const { join, setAudioEnabled, create } = setup("typist");
        join("typist", []);
        join("other-tab", []);
        const output = create(new Map([["typist", Date.now()]]));
        const decided = output.decided(3000);
        output.choseText("other-tab");
        expect(await settledAfter(decided, 100)).toBe(false);
        output.choseText("typist");
        expect(await settledAfter(decided, 0)).toBe(true);
        expect(setAudioEnabled.mock.calls).toEqual([[false]]);
        expect(await settledAfter(output.decided(3000), 0)).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it("does not wait when the recruiter talks, nobody is listened to, or the voice failed", async () => {
      vi.useFakeTimers();
      try {
        const { join, create } = setup("typist");
        join("typist", []);
        const output = create(new Map([["typist", Date.now()]]));
        output.voiceFailed();
        expect(await settledAfter(output.decided(3000), 0)).toBe(true);
        const nobody = setup(undefined).create();
        expect(await settledAfter(nobody.decided(3000), 0)).toBe(true);
        const talker = setup("talker");
        talker.join("talker", [TrackSource.SOURCE_MICROPHONE]);
        expect(await settledAfter(talker.create().decided(3000), 0)).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe("the agent's audio track: off the air once text is decided, back for a microphone", () => {
    it("stays on the air through the grace, goes off when it runs out without a microphone", async () => {
      vi.useFakeTimers();
      try {
        const { join, onAir, create } = setup("typist");
        join("typist", []);
        create(new Map([["typist", Date.now()]]));
        await vi.advanceTimersByTimeAsync(2900);
        expect(onAir.mock.calls).toEqual([]);
        await vi.advanceTimersByTimeAsync(100);
        expect(onAir.mock.calls).toEqual([[false]]);
      } finally {
        vi.useRealTimers();
      }
    });

    it("goes off at once for a recruiter who chose text, and back on when they publish a microphone", () => {
      const { participants, join, onAir, create } = setup("typist");
      join("typist", []);
      const output = create(new Map([["typist", Date.now()]]));
      output.choseText("typist");
      participants.get("typist")?.trackPublications.set("TR_mic", { source: TrackSource.SOURCE_MICROPHONE });
      output.tracksChanged();
      expect(onAir.mock.calls).toEqual([[false], [true]]);
    });

    it("a voice start never takes it off (no wait for it to come back), nor does a recruiter leaving", async () => {
      vi.useFakeTimers();
      try {
        const { participants, join, onAir, create } = setup("talker");
        join("talker", []);
        const output = create(new Map([["talker", Date.now()]]));
        await vi.advanceTimersByTimeAsync(1000);
        participants
          .get("talker")
          ?.trackPublications.set("TR_mic", { source: TrackSource.SOURCE_MICROPHONE });
        output.tracksChanged();
        participants.delete("talker");
        output.tracksChanged();
        await vi.advanceTimersByTimeAsync(5000);
        expect(onAir.mock.calls.every(([on]) => on === true)).toBe(true);
        expect(onAir).toHaveBeenCalledWith(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it("goes off for good when the voice failed, whoever listens", () => {
      const { join, onAir, create } = setup("talker");
      join("talker", [TrackSource.SOURCE_MICROPHONE]);
      const output = create();
      output.voiceFailed();
      output.tracksChanged();
      expect(onAir.mock.calls).toEqual([[true], [false], [false]]);
    });
  });
});
