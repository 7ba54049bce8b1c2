/**
 * What a recruiter's token allows on a real livekit-server, tried from a real client
 * (@livekit/rtc-node) as a hostile page could: the microphone publishes; a camera and a screen
 * share do not; the participant cannot rewrite the attributes (role, session) that the agent and
 * the widget trust, nor its metadata or name. The server's own view (RoomServiceClient) decides.
 */
import {
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoSource,
} from "@livekit/rtc-node";
import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import { RoomServiceClient, TrackSource as ServerTrackSource } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileWith } from "../../src/prompt/testing/profiles.js";
import { issueRecruiterToken } from "../../src/server/tokens.js";
import { type LiveKitServer, startLiveKitServer } from "../harness/livekit.js";

let livekit: LiveKitServer;
let room: Room;
let roomName: string;
let identity: string;
let rooms: RoomServiceClient;

beforeAll(async () => {
  livekit = await startLiveKitServer();
  rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  const credentials = await issueRecruiterToken(profileWith({ sessionId: "grants-session" }), {
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    // No worker serves it: this suite is about the recruiter's own powers.
    agentName: "nobody",
    ttlSeconds: 600,
  });
  ({ roomName, participantIdentity: identity } = credentials);
  room = new Room();
  await room.connect(credentials.serverUrl, credentials.participantToken, {
    autoSubscribe: false,
    dynacast: false,
  });
}, 60_000);

afterAll(async () => {
  await room?.disconnect();
  await livekit?.stop();
});

const onServer = async () => {
  const participant = (await rooms.listParticipants(roomName)).find((entry) => entry.identity === identity);
  if (!participant) throw new Error(`${identity} is not in ${roomName} on the server`);
  return participant;
};

/**
 * How a client call ended within `ms`. The server ignores a forbidden publish (the client waits:
 * "no answer") and drops a forbidden attribute update after the client has resolved it, so only
 * the server's view of the participant proves anything.
 */
const settled = <T>(attempt: Promise<T>, ms: number) =>
  Promise.race([
    attempt.then(
      () => "resolved" as const,
      (error: unknown) => `refused: ${String(error)}`,
    ),
    new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), ms)),
  ]);

function publish(kind: "camera" | "screen share" | "microphone") {
  const local = room.localParticipant;
  if (!local) throw new Error("not connected");
  if (kind === "microphone") {
    const track = LocalAudioTrack.createAudioTrack("microphone", new AudioSource(48_000, 1));
    return local.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
  }
  const track = LocalVideoTrack.createVideoTrack(kind, new VideoSource(320, 240));
  const source = kind === "camera" ? TrackSource.SOURCE_CAMERA : TrackSource.SOURCE_SCREENSHARE;
  return local.publishTrack(track, new TrackPublishOptions({ source }));
}

describe("a recruiter's token on a real LiveKit server", () => {
  it("publishes the microphone, never a camera or a screen share", async () => {
    const [camera, screen] = await Promise.all([
      settled(publish("camera"), 10_000),
      settled(publish("screen share"), 10_000),
    ]);
    console.info(`camera: ${camera}; screen share: ${screen}`);
    expect(camera).not.toBe("resolved");
    expect(screen).not.toBe("resolved");
    expect(await settled(publish("microphone"), 20_000)).toBe("resolved");
    // The server's word: one track, the microphone.
    await expect
      .poll(async () => (await onServer()).tracks.map((track) => track.source), { timeout: 20_000 })
      .toEqual([ServerTrackSource.MICROPHONE]);
    const { permission } = await onServer();
    expect(permission?.canPublishSources).toEqual([ServerTrackSource.MICROPHONE]);
    expect(permission?.canUpdateMetadata).toBe(false);
  });

  it("cannot change its own role or session attribute, metadata or name", async () => {
    const local = room.localParticipant;
    if (!local) throw new Error("not connected");
    const before = await onServer();
    expect(before.attributes).toEqual({
      [PARTICIPANT_ATTRIBUTE.role]: "recruiter",
      [PARTICIPANT_ATTRIBUTE.sessionId]: "grants-session",
    });
    const attempts = await Promise.all(
      [
        local.setAttributes({
          [PARTICIPANT_ATTRIBUTE.role]: "agent",
          [PARTICIPANT_ATTRIBUTE.sessionId]: "other",
        }),
        local.setAttributes({ "lk.agent.state": "speaking" }),
        local.updateMetadata(JSON.stringify({ role: "admin" })),
        local.updateName("The Agent"),
      ].map((attempt) => settled(attempt, 10_000)),
    );
    // The updates go over the same signal connection as a publish the server does take: once an
    // allowed request after them has been handled, so have they.
    const track = LocalAudioTrack.createAudioTrack("second", new AudioSource(48_000, 1));
    await local.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
    await expect.poll(async () => (await onServer()).tracks.length, { timeout: 20_000 }).toBe(2);
    const after = await onServer();
    expect(after.attributes).toEqual(before.attributes);
    expect(after.metadata).toBe(before.metadata);
    expect(after.name).toBe(before.name);
    // The client library resolved them all (rtc-node 0.13 reports no refusal); none took effect.
    console.info(`attribute, metadata and name updates: ${attempts.join("; ")}`);
  });
});
