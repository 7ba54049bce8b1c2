import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ScriptTurn } from "./script.js";
import { ChatRequest, chooseReply, type Reply, type TurnMatching } from "./stand-in-reply.js";

/**
 * A local OpenAI-compatible endpoint that plays scripted assistant turns. It speaks the real
 * chat-completions wire format (SSE chunks, tool-call deltas with fragmented arguments, a
 * usage chunk, `[DONE]`) so the real openai plugin and agents-js do all the parsing and tool
 * execution, exactly as with a hosted model.
 */
export interface StandInModel {
  /** Pass to `new openai.LLM({ baseURL })`. */
  readonly baseURL: string;
  readonly model: string;
  /** Every chat-completions request received, in order (the system prompt the model saw, the tools offered). */
  readonly requests: ChatRequest[];
  /** When each request arrived and its first chunk left (ms, Date.now()), in order (benchmarks). */
  readonly timings: ReplyTiming[];
  close(): Promise<void>;
}

export interface ReplyTiming {
  receivedAt: number;
  firstChunkAt: number;
  kind: "say" | "tool_calls" | "error";
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Small argument fragments make the client reassemble them, as with a real stream. */
const ARGUMENT_FRAGMENT = 24;

export interface StandInModelOptions {
  model?: string;
  matching?: TurnMatching;
  /** Loopback port; a free one when absent. */
  port?: number;
  /** Picks each reply instead of the script (a policy that reads the request, as the eval's scripted model). */
  reply?: (request: ChatRequest) => Reply;
  /** Fixed wait before the first chunk, standing in for a hosted model's time to first token (benchmarks). */
  firstTokenDelayMs?: number;
}

export async function startStandInModel(
  turns: readonly ScriptTurn[],
  options: StandInModelOptions = {},
): Promise<StandInModel> {
  const model = options.model ?? "stand-in-model";
  const requests: ChatRequest[] = [];
  const timings: ReplyTiming[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 500, String(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    // What the model was asked so far, for tests driving a separate worker process.
    if (req.method === "GET" && path === "/stand-in/requests") {
      sendJson(res, 200, requests);
      return;
    }
    if (req.method === "GET" && path.endsWith("/models")) {
      sendJson(res, 200, {
        object: "list",
        data: [{ id: model, object: "model", created: 0, owned_by: "stand-in" }],
      });
      return;
    }
    if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
      sendError(res, 404, `no route for ${req.method} ${path}`);
      return;
    }
    const parsed = ChatRequest.safeParse(parseJson(await readBody(req)));
    if (!parsed.success) {
      sendError(res, 400, "request is not a chat-completions request");
      return;
    }
    const receivedAt = Date.now();
    requests.push(parsed.data);
    const reply = options.reply?.(parsed.data) ?? chooseReply(turns, parsed.data.messages, options.matching);
    if (reply.kind === "error") {
      timings.push({ receivedAt, firstChunkAt: Date.now(), kind: reply.kind });
      sendError(res, 400, reply.message);
      return;
    }
    const delay = options.firstTokenDelayMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, receivedAt + delay - Date.now()));
    timings.push({ receivedAt, firstChunkAt: Date.now(), kind: reply.kind });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const chunk of replyChunks(reply, `chatcmpl-standin-${requests.length}`, model)) {
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    model,
    requests,
    timings,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from the OpenAI client would otherwise hold the process open.
        server.closeAllConnections();
      }),
  };
}

type Chunk = Record<string, unknown>;

function* replyChunks(reply: Exclude<Reply, { kind: "error" }>, id: string, model: string): Generator<Chunk> {
  const chunk = (delta: Chunk, finishReason: string | null): Chunk => ({
    id,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  yield chunk({ role: "assistant", content: "" }, null);
  if (reply.kind === "tool_calls") {
    for (const [index, call] of reply.calls.entries()) {
      const args = JSON.stringify(call.arguments);
      const callId = `call_t${reply.turn}_${index}`;
      yield chunk(
        {
          tool_calls: [{ index, id: callId, type: "function", function: { name: call.name, arguments: "" } }],
        },
        null,
      );
      for (let at = 0; at < args.length; at += ARGUMENT_FRAGMENT) {
        yield chunk(
          { tool_calls: [{ index, function: { arguments: args.slice(at, at + ARGUMENT_FRAGMENT) } }] },
          null,
        );
      }
    }
    yield chunk({}, "tool_calls");
  } else {
    for (const word of reply.text.match(/\S+\s*/g) ?? []) yield chunk({ content: word }, null);
    yield chunk({}, "stop");
  }
  yield { id, object: "chat.completion.chunk", created: 0, model, choices: [], usage: usageOf(reply) };
}

function usageOf(reply: Exclude<Reply, { kind: "error" }>): Chunk {
  const completion = reply.kind === "say" ? reply.text.length : JSON.stringify(reply.calls).length;
  const tokens = Math.ceil(completion / 4);
  return { prompt_tokens: 0, completion_tokens: tokens, total_tokens: tokens };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on("data", (part: Buffer) => {
      size += part.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error("request body too large"));
      else parts.push(part);
    });
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: { message, type: "invalid_request_error", code: null } });
}
