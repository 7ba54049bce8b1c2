/**
 * The agent's audio track off the air and back (worker/agent-audio-track.ts) on a real
 * livekit-server, between two real @livekit/rtc-node participants: off the air, the server lists
 * no audio track for the agent; back on, the same track and audio source reach a listener again.
 */
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";
import { RoomServiceClient, TrackType } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgentAudioTrack } from "../../src/worker/agent-audio-track.js";
import { type LiveKitServer, participantToken, startLiveKitServer } from "../harness/livekit.js";
import { rms, tone } from "../harness/speech/audio.js";
import { until } from "./live-intake.js";
import { VOICED_RMS } from "./voice-recruiter.js";

const ROOM = "agent-audio-track";
const RATE = 48_000;
const FRAME_MS = 10;

let livekit: LiveKitServer;
let rooms: RoomServiceClient;
const connected: Room[] = [];

beforeAll(async () => {
  livekit = await startLiveKitServer();
  rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
}, 60_000);

afterAll(async () => {
  for (const room of connected) await room.disconnect().catch(() => {});
  await livekit?.stop();
});

async function join(identity: string, name = ROOM): Promise<Room> {
  const room = new Room();
  await room.connect(livekit.url, await participantToken(livekit, identity, name), {
    autoSubscribe: true,
    dynacast: false,
  });
  connected.push(room);
  return room;
}

const audioTracksOnServer = async (identity: string) =>
  ((await rooms.listParticipants(ROOM)).find((one) => one.identity === identity)?.tracks ?? []).filter(
    (track) => track.type === TrackType.AUDIO,
  );

describe("the agent's audio track off the air", () => {
  it("is unpublished once published (asked before), and the same track carries audio again when back on", async () => {
    const agent = await join("agent-under-test");
    const listener = await join("listener");
    const voicedAt: number[] = [];
    let subscriptions = 0;
    listener.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind !== TrackKind.KIND_AUDIO) return;
      subscriptions += 1;
      void (async () => {
        for await (const frame of new AudioStream(track, RATE, 1)) {
          if (rms(frame.data) >= VOICED_RMS) voicedAt.push(Date.now());
        }
      })().catch(() => {});
    });
    const local = agent.localParticipant;
    if (!local) throw new Error("agent connected without a local participant");
    const warnings: string[] = [];
    const control = createAgentAudioTrack(local, (_detail, message) => warnings.push(message));
    agent.on(RoomEvent.LocalTrackPublished, () => control.published());

    // Text decided before agents-js had published the track: nothing to take off yet.
    control.onAir(false);
    await control.settled();
    const source = new AudioSource(RATE, 1, 200);
    await local.publishTrack(
      LocalAudioTrack.createAudioTrack("roomio_audio", source),
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    // Published, then taken off the air on the event.
    await until("the track unpublished by the agent", () => local.trackPublications.size === 0);
    await until(
      "the track off the air on the server",
      async () => (await audioTracksOnServer("agent-under-test")).length === 0,
    );
    await control.settled();
    expect(local.trackPublications.size).toBe(0);

    control.onAir(true);
    await control.settled();
    expect(warnings).toEqual([]);
    expect(local.trackPublications.size).toBe(1);
    await until(
      "the track back on the server",
      async () => (await audioTracksOnServer("agent-under-test")).length === 1,
    );
    await until("the listener subscribed", () => subscriptions > 0);
    // A tone through the same audio source reaches the listener.
    const { samples } = tone(FRAME_MS, RATE);
    const speakingFrom = Date.now();
    for (let i = 0; i < 50; i += 1) {
      await source.captureFrame(new AudioFrame(samples, RATE, 1, samples.length));
    }
    await until("voiced audio at the listener", () => voicedAt.some((at) => at >= speakingFrom));
    expect(warnings).toEqual([]);
  }, 60_000);

  it("taken off before anyone subscribed, no longer holds up what waits for its first subscription", async () => {
    // agents-js plays nothing and cannot close its room output until its publication has been
    // subscribed once; here nobody else is in the room, as when a typist's page never subscribes.
    const agent = await join("agent-alone", "agent-audio-track-alone");
    const local = agent.localParticipant;
    if (!local) throw new Error("agent connected without a local participant");
    const publication = await local.publishTrack(
      LocalAudioTrack.createAudioTrack("roomio_audio", new AudioSource(RATE, 1, 200)),
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    const warnings: string[] = [];
    const control = createAgentAudioTrack(local, (_detail, message) => warnings.push(message));
    control.onAir(false);
    await control.settled();
    expect(local.trackPublications.size).toBe(0);
    const firstSubscription = await Promise.race([
      publication.waitForSubscription().then(() => "resolved"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 2 s"), 2_000)),
    ]);
    expect(firstSubscription).toBe("resolved");
    expect(warnings).toEqual([]);
  }, 60_000);
});
