/**
 * The worker with its default text-to-speech, ElevenLabs (TTS_PROVIDER=elevenlabs): the real
 * elevenlabs plugin in a job process speaks the greeting over the stand-in's `multi-stream-input`
 * WebSocket, and the recruiter hears it on a real livekit-server.
 */
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { parseScript } from "../../src/replay/script.js";
import { issueRecruiterToken } from "../../src/server/tokens.js";
import { ProfileService } from "../../src/service/index.js";
import { createPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { DEFAULT_SCRIPT, type LiveStack, startLiveStack } from "../harness/live-stack.js";
import { joinVoiceRecruiter, type VoiceRecruiter } from "./voice-recruiter.js";

let stack: LiveStack;
let store: PostgresStore;
let recruiter: VoiceRecruiter | undefined;

beforeAll(async () => {
  stack = await startLiveStack({ ttsProvider: "elevenlabs" });
  store = createPostgresStore({ connectionString: stack.databaseUrl });
}, 120_000);

afterEach((context) => {
  if (context.task.result?.state === "fail") console.log(stack.worker.output().slice(-6000));
});

afterAll(async () => {
  await recruiter?.leave().catch(() => {});
  await store?.close();
  await stack?.stop();
}, 60_000);

describe("the worker speaking through the elevenlabs plugin", () => {
  it("greets the recruiter: the greeting is synthesised over multi-stream-input and its audio reaches the room", async () => {
    const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));
    const service = new ProfileService({ store, publisher: new CapturingPublisher() });
    const profile = await service.createSession({
      recruiter: script.session.recruiter,
      company: script.session.company,
      requirements: script.session.profile.requirements,
    });
    const { serverUrl, participantToken } = await issueRecruiterToken(profile, {
      livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
      agentName: stack.agentName,
      ttlSeconds: 600,
    });
    const joined = await joinVoiceRecruiter(serverUrl, participantToken);
    recruiter = joined;

    const deadline = Date.now() + 60_000;
    // Half a second of voiced audio from the agent: the greeting being played into the room.
    while (joined.agentFrames.filter((frame) => frame.voiced).length < 50) {
      if (Date.now() > deadline) throw new Error("the agent's greeting never reached the recruiter");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stack.speech.spoken.join(" ")).toMatch(/^Hey Maya! I pulled some info on Ledgerline/);
    expect(stack.worker.output()).not.toMatch(/elevenlabs tts returned error|failed to synthesize/);
  });
});
