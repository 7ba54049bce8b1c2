import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";
import { type Pcm, rms } from "../harness/speech/audio.js";

/**
 * A recruiter speaking into the room over @livekit/rtc-node, as a browser's microphone would: a
 * published track that carries audio all the time (silence between lines), and the agent's audio
 * track received frame by frame. Knowing the samples it sends, it knows to the frame when the
 * recruiter's speech ended, which a browser's fake microphone cannot say.
 */
export const MIC_RATE = 48_000;
const FRAME_MS = 10;
const FRAME_SAMPLES = (MIC_RATE * FRAME_MS) / 1000;
/** Energy of a voiced frame: espeak-ng speech is ~0.1, Opus-decoded silence ~0. */
export const VOICED_RMS = 0.01;
/** How far ahead of real time frames are handed to rtc-node (its own queue then paces them). */
const QUEUE_MS = 60;

export interface ReceivedFrame {
  /** Date.now() when the frame was read from the agent's track. */
  at: number;
  voiced: boolean;
}

export interface VoiceRecruiter {
  room: Room;
  /** Every frame of the agent's audio received so far, in order. */
  readonly agentFrames: ReceivedFrame[];
  /** `lk.agent.state` of the agent (initializing, listening, thinking, speaking), or undefined. */
  agentState(): string | undefined;
  /** Speaks `pcm` into the microphone; resolves when it has been sent, with when its last voiced frame left. */
  say(pcm: Pcm): Promise<{ speechEndedAt: number }>;
  leave(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function joinVoiceRecruiter(url: string, token: string): Promise<VoiceRecruiter> {
  const room = new Room();
  const agentFrames: ReceivedFrame[] = [];
  let agent: RemoteParticipant | undefined;
  room.on(
    RoomEvent.TrackSubscribed,
    (track: RemoteTrack, _publication: unknown, participant: RemoteParticipant) => {
      if (track.kind !== TrackKind.KIND_AUDIO || !participant.identity.startsWith("agent-")) return;
      agent = participant;
      void (async () => {
        for await (const frame of new AudioStream(track, MIC_RATE, 1)) {
          agentFrames.push({ at: Date.now(), voiced: rms(frame.data) >= VOICED_RMS });
        }
      })().catch(() => {}); // ends when the room is left
    },
  );
  await room.connect(url, token, { autoSubscribe: true, dynacast: false });
  const localParticipant = room.localParticipant;
  if (!localParticipant) throw new Error("connected without a local participant");

  const source = new AudioSource(MIC_RATE, 1, QUEUE_MS * 2);
  const track = LocalAudioTrack.createAudioTrack("microphone", source);
  await localParticipant.publishTrack(
    track,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );

  // The microphone: a frame every 10 ms, from the line being said or silence.
  const pending: { pcm: Pcm; lastVoiced: number; done: (at: number) => void }[] = [];
  let offset = 0;
  let open = true;
  const silent = new Int16Array(FRAME_SAMPLES);
  const pump = (async () => {
    while (open) {
      const line = pending[0];
      let samples: Int16Array = silent;
      let endsSpeech = false;
      if (line) {
        // A copy: rtc-node hands the frame's whole underlying buffer to LiveKit, ignoring a view's offset.
        samples = line.pcm.samples.slice(offset, offset + FRAME_SAMPLES);
        endsSpeech = offset <= line.lastVoiced && line.lastVoiced < offset + FRAME_SAMPLES;
        offset += FRAME_SAMPLES;
        if (samples.length < FRAME_SAMPLES) {
          const padded = new Int16Array(FRAME_SAMPLES);
          padded.set(samples);
          samples = padded;
        }
      }
      await source.captureFrame(new AudioFrame(samples, MIC_RATE, 1, FRAME_SAMPLES));
      // The frame leaves once everything queued before it has: that is when the recruiter "said" it.
      if (endsSpeech) line?.done(Date.now() + source.queuedDuration);
      if (line && offset >= line.pcm.samples.length) {
        pending.shift();
        offset = 0;
      }
      const ahead = source.queuedDuration;
      if (ahead > QUEUE_MS) await sleep(ahead - QUEUE_MS + FRAME_MS);
    }
  })();

  return {
    room,
    agentFrames,
    agentState: () => agent?.attributes["lk.agent.state"],
    say: (pcm) => {
      if (pcm.sampleRate !== MIC_RATE) throw new Error(`speak at ${MIC_RATE} Hz, got ${pcm.sampleRate}`);
      let lastVoiced = 0;
      for (let at = 0; at < pcm.samples.length; at += FRAME_SAMPLES) {
        if (rms(pcm.samples.subarray(at, at + FRAME_SAMPLES)) >= VOICED_RMS) lastVoiced = at;
      }
      return new Promise((resolve) =>
        pending.push({ pcm, lastVoiced, done: (speechEndedAt) => resolve({ speechEndedAt }) }),
      );
    },
    leave: async () => {
      open = false;
      await pump.catch(() => {});
      await room.disconnect();
      await source.close();
    },
  };
}
