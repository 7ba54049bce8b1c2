import { type APIConnectOptions, AudioByteStream, shortuuid, tts } from "@livekit/agents";
import { OpenAI } from "openai";

/** OpenAI's `response_format: "pcm"`: 16-bit little-endian mono at 24 kHz, without a header. */
const SAMPLE_RATE = 24_000;
const CHANNELS = 1;

export interface OpenAISpeechOptions {
  apiKey: string;
  model: string;
  voice: string;
  baseURL?: string;
}

/**
 * Text-to-speech through OpenAI's `POST /audio/speech` or any server that speaks it.
 *
 * The endpoint streams its PCM as it synthesises (a chunked body). agents-js's openai plugin (1.9)
 * reads the whole body before the first frame plays, so a sentence's first audio waits for all of
 * its synthesis, and it never flushes its framer, so the last partial frame (up to 100 ms) of
 * every sentence is dropped. This reads frames as the bytes arrive and keeps the tail. Errors are
 * the OpenAI SDK's, reported by agents-js as the plugin's are (not retried: audio may have played).
 */
export class OpenAISpeech extends tts.TTS {
  label = "openai.TTS";
  readonly #options: OpenAISpeechOptions;
  readonly #client: OpenAI;
  readonly #closed = new AbortController();

  constructor(options: OpenAISpeechOptions) {
    super(SAMPLE_RATE, CHANNELS, { streaming: false });
    this.#options = options;
    this.#client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0 });
  }

  override get model(): string {
    return this.#options.model;
  }

  override get provider(): string {
    return new URL(this.#client.baseURL).host;
  }

  synthesize(text: string, connOptions?: APIConnectOptions, abortSignal?: AbortSignal): StreamedSpeech {
    const signal = abortSignal ? AbortSignal.any([abortSignal, this.#closed.signal]) : this.#closed.signal;
    const response = this.#client.audio.speech.create(
      { input: text, model: this.#options.model, voice: this.#options.voice, response_format: "pcm" },
      { signal },
    );
    return new StreamedSpeech(this, text, response, connOptions, signal);
  }

  stream(): tts.SynthesizeStream {
    throw new Error("OpenAI's speech endpoint takes whole texts: agents-js splits them into sentences");
  }

  override async close(): Promise<void> {
    this.#closed.abort();
  }
}

export class StreamedSpeech extends tts.ChunkedStream {
  label = "openai.ChunkedStream";
  readonly #response: Promise<Response>;

  constructor(
    speech: OpenAISpeech,
    text: string,
    response: Promise<Response>,
    connOptions?: APIConnectOptions,
    abortSignal?: AbortSignal,
  ) {
    super(text, speech, connOptions, abortSignal);
    this.#response = response;
  }

  protected async run(): Promise<void> {
    const requestId = shortuuid();
    const framer = new AudioByteStream(SAMPLE_RATE, CHANNELS);
    // Each frame is held back until the next arrives, so the last one can be marked final; but
    // not the first, which would wait a whole frame's synthesis to start playing. (agents-js 1.9
    // reads `final` on streams only, not on a ChunkedStream's frames.)
    let held: ReturnType<AudioByteStream["write"]>[number] | undefined;
    let started = false;
    const put = (frame: NonNullable<typeof held>, final: boolean) =>
      this.queue.put({ requestId, segmentId: requestId, frame, final });
    const hold = (frame: NonNullable<typeof held>) => {
      if (!started) {
        started = true;
        return put(frame, false);
      }
      if (held) put(held, false);
      held = frame;
    };
    try {
      const body = (await this.#response).body;
      if (body) for await (const bytes of body) for (const frame of framer.write(bytes)) hold(frame);
      for (const frame of framer.flush()) hold(frame);
      if (held) put(held, true);
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") return; // interrupted or closed
      throw error;
    } finally {
      this.queue.close();
    }
  }
}
