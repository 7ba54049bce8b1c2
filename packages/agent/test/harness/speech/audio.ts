import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Debian's espeak-ng (package `espeak-ng`): real synthesised speech for the tests. */
export const ESPEAK = "/usr/bin/espeak-ng";
export const hasEspeak = (): boolean => existsSync(ESPEAK);

/** 16-bit little-endian mono PCM at a sample rate. */
export interface Pcm {
  samples: Int16Array;
  sampleRate: number;
}

export const durationMs = ({ samples, sampleRate }: Pcm): number => (samples.length * 1000) / sampleRate;

/** Root mean square of a frame, 0–1 (what the deepgram plugin's own energy filter measures). */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / samples.length);
}

/** Linear-interpolation resampling: good enough for speech a VAD and an ear must recognise. */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (pcm.sampleRate === sampleRate) return pcm;
  const length = Math.round((pcm.samples.length * sampleRate) / pcm.sampleRate);
  const out = new Int16Array(length);
  const step = pcm.sampleRate / sampleRate;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    const left = Math.floor(at);
    const a = pcm.samples[left] ?? 0;
    const b = pcm.samples[left + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (at - left));
  }
  return { samples: out, sampleRate };
}

export const silence = (ms: number, sampleRate: number): Pcm => ({
  samples: new Int16Array(Math.round((sampleRate * ms) / 1000)),
  sampleRate,
});

export function concat(parts: readonly Pcm[]): Pcm {
  const sampleRate = parts[0]?.sampleRate ?? 48_000;
  const samples = new Int16Array(parts.reduce((total, part) => total + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    if (part.sampleRate !== sampleRate) throw new Error("concat: parts differ in sample rate");
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { samples, sampleRate };
}

/** A soft 220 Hz tone: the fallback voice where espeak-ng is not installed. */
export function tone(ms: number, sampleRate: number): Pcm {
  const samples = new Int16Array(Math.round((sampleRate * ms) / 1000));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
  }
  return { samples, sampleRate };
}

export function toWav({ samples, sampleRate }: Pcm): Buffer {
  const header = Buffer.alloc(44);
  const bytes = samples.length * 2;
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + bytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(bytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, bytes)]);
}

/** Reads a 16-bit PCM mono WAV (what espeak-ng writes), walking its chunks. */
export function fromWav(wav: Buffer): Pcm {
  if (wav.toString("ascii", 0, 4) !== "RIFF" || wav.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a WAV file");
  }
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") {
      if (wav.readUInt16LE(offset + 8) !== 1 || wav.readUInt16LE(offset + 10) !== 1) {
        throw new Error("only 16-bit PCM mono WAV is read here");
      }
      sampleRate = wav.readUInt32LE(offset + 12);
    } else if (id === "data") {
      // espeak-ng writing to stdout cannot seek back, so its data size may be a placeholder.
      const end = Math.min(wav.length, offset + 8 + size);
      const data = wav.subarray(offset + 8, end - ((end - offset - 8) % 2));
      const samples = new Int16Array(data.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
      return { samples, sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error("WAV file without a data chunk");
}

/** Speaks `text` with espeak-ng at `sampleRate`; null when espeak-ng is not installed. */
export async function speak(text: string, sampleRate: number, wordsPerMinute = 175): Promise<Pcm | null> {
  if (!hasEspeak()) return null;
  const wav = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn(ESPEAK, ["--stdout", "-s", String(wordsPerMinute), "--", text]);
    const parts: Buffer[] = [];
    child.stdout.on("data", (part: Buffer) => parts.push(part));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(parts)) : reject(new Error(`espeak-ng exited with ${code}`)),
    );
  });
  return resample(fromWav(wav), sampleRate);
}

/** Speech where espeak-ng exists, a tone of the same length elsewhere. */
export async function speakOrTone(text: string, sampleRate: number, wordsPerMinute = 175): Promise<Pcm> {
  const msPerCharacter = (60_000 / wordsPerMinute) * 0.2; // ~5 characters a word
  return (
    (await speak(text, sampleRate, wordsPerMinute)) ??
    tone(Math.max(300, text.length * msPerCharacter), sampleRate)
  );
}

/**
 * espeak-ng's fastest rate by default: real speech at ~2.5× a person's pace, so suites that wait
 * for the agent's words (published in step with its audio) do not wait for slow playout.
 */
export const FAST_WORDS_PER_MINUTE = 450;

/** How a text-to-speech stand-in speaks, whatever provider's wire format it serves. */
export interface SpeechOptions {
  /** Fixed time from the request to the first byte (benchmarks); synthesis runs meanwhile. */
  firstByteDelayMs: number;
  /** How fast the voice speaks; FAST_WORDS_PER_MINUTE unless a test needs a person's pace. */
  wordsPerMinute: number;
  /**
   * How fast the audio arrives after its first byte, in multiples of real time, as a provider
   * streams what it synthesises (0: all at once).
   */
  streamSpeed: number;
  onSpoken(spoken: SpokenText): void;
}

export interface SpokenText {
  text: string;
  audioMs: number;
  /** Wall clock (Date.now()): the request arrived, and its first audio byte was sent. */
  receivedAt: number;
  firstByteAt: number;
}

/**
 * Speaks `text` for a TTS stand-in: no sooner than `firstByteDelayMs` after the call, and records it
 * as spoken then. The caller sends the audio's first byte at once.
 */
export async function speakForStandIn(
  text: string,
  sampleRate: number,
  options: SpeechOptions,
): Promise<Pcm> {
  const receivedAt = Date.now();
  const [pcm] = await Promise.all([
    speakOrTone(text, sampleRate, options.wordsPerMinute),
    new Promise((resolve) => setTimeout(resolve, options.firstByteDelayMs)),
  ]);
  options.onSpoken({ text, audioMs: durationMs(pcm), receivedAt, firstByteAt: Date.now() });
  return pcm;
}

/** The audio as 16-bit little-endian bytes in `ms`-long chunks, as a streaming response delivers it. */
export function pcmChunks({ samples, sampleRate }: Pcm, ms = 100): Buffer[] {
  const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const size = Math.round((sampleRate * ms) / 1000) * 2;
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

/**
 * Hands `chunks` (each `chunkMs` of audio) to `send` as a provider streams synthesis: the first at
 * once, the rest `speed` times faster than real time (0: all at once). Stops when `send` returns
 * false (the client went away).
 */
export async function streamChunks(
  chunks: readonly Buffer[],
  chunkMs: number,
  speed: number,
  send: (chunk: Buffer, index: number) => boolean,
): Promise<void> {
  const started = performance.now();
  for (const [index, chunk] of chunks.entries()) {
    const wait = speed > 0 ? started + (index * chunkMs) / speed - performance.now() : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!send(chunk, index)) return;
  }
}

/** The audio as a chunked HTTP body, paced as `streamChunks` paces it. */
export async function writePcmBody(
  response: ServerResponse,
  pcm: Pcm,
  chunkMs: number,
  speed: number,
): Promise<void> {
  response.writeHead(200, { "content-type": "audio/pcm", "transfer-encoding": "chunked" });
  await streamChunks(pcmChunks(pcm, chunkMs), chunkMs, speed, (chunk) => {
    if (response.destroyed) return false;
    response.write(chunk);
    return true;
  });
  response.end();
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts)));
    request.on("error", reject);
  });
}
