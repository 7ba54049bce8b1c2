/**
 * The transport's share of a voice turn, alone: one audio leg from an @livekit/rtc-node
 * microphone through livekit-server to an rtc-node listener, as the recruiter's speech travels to
 * the agent and the agent's reply back (a turn has two). No agent, no provider: a tone.
 */
import { type LiveKitServer, participantToken } from "../../packages/agent/test/harness/livekit.js";
import { tone } from "../../packages/agent/test/harness/speech/audio.js";
import type { joinVoiceRecruiter as JoinVoiceRecruiter } from "../../packages/agent/test/live/voice-recruiter.js";
import { sleep, until } from "../live/clock.js";

const TONE_MS = 200;
const FRAME_MS = 10;

/**
 * `bursts` tones of 200 ms, 800 ms apart: for each, the tone's first frame leaving the
 * microphone's audio source → the first voiced frame read by the listener, ms. The microphone is
 * the bench's own recruiter (voice-recruiter.ts, which paces 10 ms frames as a browser does); the
 * speaker's identity starts with `agent-`, which is whose frames that recruiter reads.
 */
export async function audioLegMs(
  livekit: Pick<LiveKitServer, "url" | "apiKey" | "apiSecret">,
  join: typeof JoinVoiceRecruiter,
  rate: number,
  bursts = 20,
): Promise<number[]> {
  const listener = await join(livekit.url, await participantToken(livekit, "leg-listener", "audio-leg"));
  const speaker = await join(livekit.url, await participantToken(livekit, "agent-leg-speaker", "audio-leg"));
  try {
    // Subscribed once the speaker's silence arrives.
    await until("the speaker's track at the listener", () => listener.agentFrames.length > 0, 10_000, 50);
    const legs: number[] = [];
    const burst = tone(TONE_MS, rate);
    for (let i = 0; i < bursts; i += 1) {
      await sleep(800);
      const { speechEndedAt } = await speaker.say(burst);
      // The last voiced frame left at speechEndedAt; the first one TONE_MS − 10 ms before it.
      const firstLeft = speechEndedAt - (TONE_MS - FRAME_MS);
      await sleep(TONE_MS + 500);
      const arrived = listener.agentFrames.find((frame) => frame.voiced && frame.at >= firstLeft - FRAME_MS);
      if (arrived) legs.push(arrived.at - firstLeft);
    }
    return legs;
  } finally {
    await speaker.leave();
    await listener.leave();
  }
}
