import type { ModelEndpoint } from "./run-session.js";

export interface ChatLine {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The model endpoint answered with an error or something that is not a chat completion. */
export class ChatClientError extends Error {
  override readonly name = "ChatClientError";
}

const TIMEOUT_MS = 60_000;

/**
 * One non-streaming chat completion from an OpenAI-compatible endpoint (the role-playing
 * recruiter and the judge use the endpoint of the model under test, as the worker reads it).
 */
export async function complete(
  endpoint: ModelEndpoint,
  messages: readonly ChatLine[],
  options: { json?: boolean; temperature?: number } = {},
): Promise<string> {
  const response = await fetch(`${endpoint.baseURL.replace(/\/+$/, "")}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${endpoint.apiKey}` },
    body: JSON.stringify({
      model: endpoint.model,
      messages,
      temperature: options.temperature ?? endpoint.temperature ?? 0,
      ...(options.json && { response_format: { type: "json_object" } }),
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => undefined)) as
    | { choices?: { message?: { content?: string | null } }[]; error?: { message?: string } }
    | undefined;
  if (!response.ok) {
    throw new ChatClientError(
      `${endpoint.model} at ${endpoint.baseURL} answered ${response.status}: ${body?.error?.message ?? "no detail"}`,
    );
  }
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== "string") {
    throw new ChatClientError(`${endpoint.model} at ${endpoint.baseURL} returned no message content`);
  }
  return content;
}
