import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatEndpointStandIn {
  baseURL: string;
  /** Every request body received, in order. */
  requests: { model: string; messages: { role: string; content: string }[] }[];
  close(): Promise<void>;
}

/**
 * For tests: a loopback OpenAI-compatible `/chat/completions` endpoint (non-streaming, the
 * wire format `complete` speaks) whose answer `answer` picks from the request's messages.
 */
export async function startChatEndpoint(
  answer: (messages: { role: string; content: string }[]) => string,
): Promise<ChatEndpointStandIn> {
  const requests: ChatEndpointStandIn["requests"] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(parts).toString("utf8"));
      requests.push(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: "chat.completion",
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: answer(body.messages) },
              finish_reason: "stop",
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
