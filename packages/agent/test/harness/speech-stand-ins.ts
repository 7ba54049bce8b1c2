import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import {
  FAST_WORDS_PER_MINUTE,
  hasEspeak,
  readBody,
  type SpeechOptions,
  type SpokenText,
} from "./speech/audio.js";
import { type HeardUtterance, parseListenQuery, serveListen } from "./speech/deepgram-listen.js";
import {
  MULTI_STREAM_PATH,
  parseMultiStreamQuery,
  STREAM_PATH,
  sendElevenLabsError,
  serveMultiStream,
  serveStream,
} from "./speech/elevenlabs-tts.js";
import { sendOpenAIError, serveSpeech, serveTranscription } from "./speech/openai-audio.js";

/**
 * Test stand-ins for the cloud speech providers, which cannot be reached here, each in its
 * provider's real wire format so the real plugins run unchanged (see ./speech/):
 * - speech-to-text as Deepgram's streaming `/v1/listen` WebSocket and as OpenAI's
 *   `/v1/audio/transcriptions`: speech is found by energy in the audio the plugin sends; the words
 *   are the test's script, in order (nothing is recognised);
 * - text-to-speech as OpenAI's `/v1/audio/speech` and as ElevenLabs' `multi-stream-input` WebSocket
 *   (and its HTTP `/stream`): real speech from espeak-ng (a tone without it).
 *
 * Tests steer them over HTTP (`/stand-in/...`), also from another process (the e2e tests):
 * `PUT /stand-in/script` the recruiter's lines, `PUT /stand-in/faults` provider failures,
 * `PUT /stand-in/latency` fixed provider latencies, `PUT /stand-in/pace` the voice's speed, `GET /stand-in/state` what was heard and said.
 */
export interface SpeechStandIns {
  /** OPENAI_BASE_URL for the openai plugin's TTS (and STT with STT_PROVIDER=openai). */
  ttsBaseURL: string;
  /** ELEVENLABS_BASE_URL (the plugin's `baseURL`, ending in `/v1`) for the elevenlabs plugin's TTS. */
  elevenLabsBaseURL: string;
  /** DEEPGRAM_BASE_URL for the deepgram plugin. */
  sttBaseURL: string;
  /** Where the `/stand-in/...` control routes are. */
  controlURL: string;
  /** Texts synthesised so far, in order. */
  readonly spoken: string[];
  /** The same with their timing (benchmarks). */
  readonly spokenTimed: readonly SpokenText[];
  /** Utterances the STT stand-ins found, in order. */
  readonly heard: HeardUtterance[];
  /** Audio bytes the Deepgram stand-in received. */
  readonly heardBytes: number;
  close(): Promise<void>;
}

export interface SpeechFaults {
  /** "close": open sockets are closed (1011) and new ones refused (503), as when Deepgram goes down. */
  stt: "ok" | "close";
  /** "error": every synthesis fails: OpenAI answers 500, ElevenLabs 500 or a context error closing its socket (1011). */
  tts: "ok" | "error";
}

export interface SpeechLatency {
  sttFinalMs: number;
  ttsFirstByteMs: number;
}

export interface SpeechPace {
  /** The synthesised voice's speed (a person speaks ~175; the default is espeak-ng's fastest). */
  ttsWordsPerMinute: number;
  /** How many times faster than real time the audio streams after its first byte (0, the default: all at once). */
  ttsStreamSpeed: number;
}

export interface SpeechStandInState {
  script: string[];
  faults: SpeechFaults;
  latency: SpeechLatency;
  pace: SpeechPace;
  spoken: SpokenText[];
  heard: HeardUtterance[];
  heardBytes: number;
  /** Whether synthesis is real speech (espeak-ng installed) or the tone fallback. */
  voice: "espeak-ng" | "tone";
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startSpeechStandIns(): Promise<SpeechStandIns> {
  const state: SpeechStandInState = {
    script: [],
    faults: { stt: "ok", tts: "ok" },
    latency: { sttFinalMs: 0, ttsFirstByteMs: 0 },
    pace: { ttsWordsPerMinute: FAST_WORDS_PER_MINUTE, ttsStreamSpeed: 0 },
    spoken: [],
    heard: [],
    heardBytes: 0,
    voice: hasEspeak() ? "espeak-ng" : "tone",
  };
  let transcriptionCursor = 0;
  const sockets = new WebSocketServer({ noServer: true });
  const ttsSockets = new WebSocketServer({ noServer: true });
  const speechOptions = (): SpeechOptions => ({
    firstByteDelayMs: state.latency.ttsFirstByteMs,
    wordsPerMinute: state.pace.ttsWordsPerMinute,
    streamSpeed: state.pace.ttsStreamSpeed,
    onSpoken: (spoken) => state.spoken.push(spoken),
  });

  const control = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (request.method === "GET" && path === "/stand-in/state") return sendJson(response, 200, state);
    if (request.method !== "PUT") return sendJson(response, 405, { error: "use GET state or PUT" });
    const body = JSON.parse((await readBody(request)).toString("utf8")) as Record<string, unknown>;
    if (
      path === "/stand-in/script" &&
      Array.isArray(body.lines) &&
      body.lines.every((line) => typeof line === "string")
    ) {
      state.script = body.lines as string[];
      transcriptionCursor = 0;
    } else if (path === "/stand-in/faults") {
      state.faults = { ...state.faults, ...(body as Partial<SpeechFaults>) };
      if (state.faults.stt === "close")
        for (const client of sockets.clients) client.close(1011, "stand-in fault");
    } else if (path === "/stand-in/latency") {
      state.latency = { ...state.latency, ...(body as Partial<SpeechLatency>) };
    } else if (path === "/stand-in/pace") {
      state.pace = { ...state.pace, ...(body as Partial<SpeechPace>) };
    } else return sendJson(response, 400, { error: `bad control request ${path}` });
    sendJson(response, 200, state);
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://stand-in").pathname;
    const handled = (async () => {
      if (path.startsWith("/stand-in/")) return control(request, response, path);
      if (request.method === "POST" && path === "/v1/audio/speech") {
        if (state.faults.tts === "error") {
          return sendOpenAIError(
            response,
            500,
            "The server had an error while processing your request.",
            "server_error",
          );
        }
        return serveSpeech(request, response, speechOptions());
      }
      if (request.method === "POST" && STREAM_PATH.test(path)) {
        if (!request.headers["xi-api-key"])
          return sendElevenLabsError(response, 401, "invalid_api_key", "no xi-api-key header");
        if (state.faults.tts === "error")
          return sendElevenLabsError(response, 500, "internal_error", "stand-in fault: synthesis failed");
        return serveStream(request, response, speechOptions());
      }
      if (request.method === "POST" && path === "/v1/audio/transcriptions") {
        if (state.faults.stt === "close")
          return sendOpenAIError(response, 503, "stand-in fault", "server_error");
        return serveTranscription(request, response, () => state.script[transcriptionCursor++] ?? "");
      }
      sendOpenAIError(response, 404, `no route for ${request.method} ${path}`, "invalid_request_error");
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 400, { error: String(error) });
      else response.destroy();
    });
  });

  server.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://stand-in").pathname;
    const refuse = (status: number, reason: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${reason}`,
      );
    };
    if (MULTI_STREAM_PATH.test(path)) {
      if (!request.headers["xi-api-key"]) return refuse(401, "Unauthorized");
      const query = parseMultiStreamQuery(request);
      if (typeof query === "string") return refuse(400, query);
      return ttsSockets.handleUpgrade(request, socket, head, (client) =>
        serveMultiStream(client, query, {
          speech: speechOptions,
          failing: () => state.faults.tts === "error",
        }),
      );
    }
    if (path !== "/v1/listen") return refuse(404, "Not Found");
    if (!request.headers.authorization?.startsWith("Token ")) return refuse(401, "Unauthorized");
    if (state.faults.stt === "close") return refuse(503, "Service Unavailable");
    const query = parseListenQuery(request);
    if (typeof query === "string") return refuse(400, query);
    sockets.handleUpgrade(request, socket, head, (client) => {
      client.on("message", (data, isBinary) => {
        if (isBinary) state.heardBytes += (data as Buffer).length;
      });
      serveListen(client, query, {
        script: () => state.script,
        finalDelayMs: () => state.latency.sttFinalMs,
        onUtterance: (utterance) => state.heard.push(utterance),
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ttsBaseURL: `http://127.0.0.1:${port}/v1`,
    elevenLabsBaseURL: `http://127.0.0.1:${port}/v1`,
    sttBaseURL: `ws://127.0.0.1:${port}`,
    controlURL: `http://127.0.0.1:${port}/stand-in`,
    get spoken() {
      return state.spoken.map((entry) => entry.text);
    },
    get spokenTimed() {
      return state.spoken;
    },
    get heard() {
      return state.heard;
    },
    get heardBytes() {
      return state.heardBytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wss of [sockets, ttsSockets]) {
          for (const client of wss.clients) client.terminate();
          wss.close();
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
