import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

/**
 * Test stand-ins for the cloud speech providers, which cannot be reached here. They speak the
 * providers' wire formats so the real plugins run unchanged:
 * - text-to-speech as OpenAI's `POST /v1/audio/speech` with `response_format: "pcm"` (16-bit
 *   little-endian, 24 kHz mono): a soft tone whose length follows the text (about five times
 *   faster than speech, so tests do not wait for real playout);
 * - speech-to-text as Deepgram's streaming `GET /v1/listen` WebSocket: it takes the audio frames
 *   and answers no transcripts (the spoken loop is another test's job).
 */
export interface SpeechStandIns {
  /** OPENAI_BASE_URL for the openai plugin's TTS. */
  ttsBaseURL: string;
  /** DEEPGRAM_BASE_URL for the deepgram plugin. */
  sttBaseURL: string;
  /** Texts synthesised so far, in order. */
  readonly spoken: string[];
  /** Audio bytes the STT stand-in received. */
  readonly heardBytes: number;
  close(): Promise<void>;
}

const SAMPLE_RATE = 24_000;
const MS_PER_CHARACTER = 12;

/** A 220 Hz tone at low volume, `ms` long, as 16-bit PCM. */
function tone(ms: number): Buffer {
  const samples = Math.round((SAMPLE_RATE * ms) / 1000);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / SAMPLE_RATE)), i * 2);
  }
  return pcm;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(parts).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

export async function startSpeechStandIns(): Promise<SpeechStandIns> {
  const spoken: string[] = [];
  let heardBytes = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    if (req.method !== "POST" || path !== "/v1/audio/speech") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route for ${req.method} ${path}` } }));
      return;
    }
    readJson(req)
      .then((body) => {
        const input = (body as { input?: unknown }).input;
        if (typeof input !== "string") throw new Error("input must be a string");
        spoken.push(input);
        res.writeHead(200, { "content-type": "audio/pcm" });
        res.end(tone(Math.max(200, input.length * MS_PER_CHARACTER)));
      })
      .catch((error: unknown) => {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: String(error) } }));
      });
  });
  const sockets = new WebSocketServer({ server, path: "/v1/listen" });
  sockets.on("connection", (socket) => {
    socket.on("message", (data, isBinary) => {
      if (isBinary) heardBytes += (data as Buffer).length;
      else if (String(data).includes("CloseStream")) socket.close(1000);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ttsBaseURL: `http://127.0.0.1:${port}/v1`,
    sttBaseURL: `ws://127.0.0.1:${port}`,
    spoken,
    get heardBytes() {
      return heardBytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
