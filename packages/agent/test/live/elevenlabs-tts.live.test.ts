/**
 * The worker with its default text-to-speech, ElevenLabs (TTS_PROVIDER=elevenlabs): the real
 * elevenlabs plugin in a job process speaks the greeting over the stand-in's `multi-stream-input`
 * WebSocket, and the recruiter hears it on a real livekit-server.
 */
import { afterAll, describe, expect, it } from "vitest";
import { useLiveIntake } from "./live-intake.js";
import { joinVoiceRecruiter, type VoiceRecruiter } from "./voice-recruiter.js";

const intake = useLiveIntake({ ttsProvider: "elevenlabs" });
let recruiter: VoiceRecruiter | undefined;

afterAll(async () => {
  await recruiter?.leave().catch(() => {});
}, 60_000);

describe("the worker speaking through the elevenlabs plugin", () => {
  it("greets the recruiter: the greeting is synthesised over multi-stream-input and its audio reaches the room", async () => {
    const { serverUrl, participantToken } = await intake.tokenFor(await intake.newSession());
    const joined = await joinVoiceRecruiter(serverUrl, participantToken);
    recruiter = joined;

    const deadline = Date.now() + 60_000;
    // Half a second of voiced audio from the agent: the greeting being played into the room.
    while (joined.agentFrames.filter((frame) => frame.voiced).length < 50) {
      if (Date.now() > deadline) throw new Error("the agent's greeting never reached the recruiter");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(intake.stack.speech.spoken.join(" ")).toMatch(/^Hey Maya! I pulled some info on Ledgerline/);
    expect(intake.stack.worker.output()).not.toMatch(/elevenlabs tts returned error|failed to synthesize/);
  });
});
