/**
 * The agent's audio track off the air and back, through the real worker on a real livekit-server
 * (worker/agent-audio-track.ts, decided in voice-output.ts): a recruiter who types gets no audio
 * track from the agent once text is decided; when the session's other tab, which talks, becomes
 * the one the agent listens to, the track is published again and the agent's answer is heard.
 */
import { TrackKind } from "@livekit/rtc-node";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, describe, expect, it } from "vitest";
import { script, until, useLiveIntake } from "./live-intake.js";
import type { RecruiterClient } from "./recruiter-client.js";
import { joinVoiceRecruiter, type VoiceRecruiter } from "./voice-recruiter.js";

const intake = useLiveIntake();
let talker: VoiceRecruiter | undefined;

afterAll(async () => {
  await talker?.leave().catch(() => {});
}, 60_000);

/** The agent's audio tracks as a participant in the room sees them. */
const agentAudioTracks = (room: RecruiterClient["room"]) =>
  [...room.remoteParticipants.values()]
    .filter((participant) => participant.identity.startsWith("agent-"))
    .flatMap((participant) => [...participant.trackPublications.values()])
    .filter((publication) => publication.kind === TrackKind.KIND_AUDIO).length;

/** Closes the room; the job must end at once (logged by its shutdown, after agents-js closed the session). */
async function expectJobToEndWithItsRoom(roomName: string) {
  const { worker, livekit } = intake.stack;
  const jobsEnded = () => (worker.output().match(/intake job ended/g) ?? []).length;
  const endedBefore = jobsEnded();
  await new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret).deleteRoom(roomName);
  await until("the job ended", () => jobsEnded() > endedBefore, 20_000);
  expect(worker.output()).not.toMatch(/AgentSession\.close\(\) timed out/);
}

describe("the agent's voice off the air", () => {
  it("is off for a recruiter who types, and back with its answer heard when a tab that talks takes over", async () => {
    const profile = await intake.newSession();
    const typist = await intake.join(profile);
    await typist.waitFor("the greeting in text", () => typist.agentLines[0]);
    // No microphone within the grace: text decided, the track goes off the air.
    await typist.waitFor(
      "the agent's audio track off the air",
      () => agentAudioTracks(typist.room) === 0,
      15_000,
    );

    const { serverUrl, participantToken } = await intake.tokenFor(profile);
    const joined = await joinVoiceRecruiter(serverUrl, participantToken);
    talker = joined;
    // The typist leaves (a reload, a closed tab): the agent listens to the tab that talks.
    await typist.leave();
    await until("the agent's audio reaching the talking tab", () => joined.agentFrames.length > 0, 20_000);

    const spokenBefore = intake.stack.speech.spoken.length;
    const framesBefore = joined.agentFrames.length;
    await joined.room.localParticipant?.sendText(script.turns[0]?.user ?? "", { topic: "lk.chat" });
    await until(
      "the agent's answer heard",
      () => joined.agentFrames.slice(framesBefore).filter((frame) => frame.voiced).length >= 20,
      30_000,
    );
    expect(intake.stack.speech.spoken.length).toBeGreaterThan(spokenBefore);
  }, 120_000);

  // A page that subscribes to nothing: the agent's first publication is never subscribed, and
  // agents-js's session close waited for that subscription until its 60 s timeout.
  it("taken off before the typist's page subscribed to it, does not hold the job open once the room closes", async () => {
    const typist = await intake.join(await intake.newSession(), { autoSubscribe: false });
    await typist.waitFor("the greeting in text", () => typist.agentLines[0]);
    await typist.waitFor(
      "the agent's audio track off the air",
      () => agentAudioTracks(typist.room) === 0,
      15_000,
    );
    await expectJobToEndWithItsRoom(typist.room.name ?? "");
  }, 120_000);

  it("never subscribed by a page that left before text was decided, does not hold the job open either", async () => {
    const recruiter = await intake.join(await intake.newSession(), { autoSubscribe: false });
    await recruiter.waitFor("the agent in the room", () => agentAudioTracks(recruiter.room) > 0, 15_000);
    await recruiter.leave();
    await expectJobToEndWithItsRoom(recruiter.room.name ?? "");
  }, 120_000);
});
