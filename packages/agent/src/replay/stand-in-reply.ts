import * as z from "zod/mini";
import type { ScriptToolCall, ScriptTurn } from "./script.js";

/** The part of a chat-completions request the stand-in reads; everything else is accepted and ignored. */
const RequestMessage = z.object({
  role: z.string(),
  content: z.optional(
    z.nullable(z.union([z.string(), z.array(z.object({ type: z.string(), text: z.optional(z.string()) }))])),
  ),
  tool_calls: z.optional(z.array(z.unknown())),
});
export type RequestMessage = z.infer<typeof RequestMessage>;

export const ChatRequest = z.object({
  model: z.string(),
  messages: z.array(RequestMessage),
  stream: z.optional(z.boolean()),
  tools: z.optional(z.array(z.object({ function: z.object({ name: z.string() }) }))),
  parallel_tool_calls: z.optional(z.boolean()),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export type Reply =
  | { kind: "tool_calls"; turn: number; calls: ScriptToolCall[] }
  | { kind: "say"; turn: number; text: string }
  | { kind: "error"; message: string };

export function textOf(message: RequestMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => part.text ?? "").join("");
}

/**
 * How the stand-in finds the script turn: `turn-order` (replay) counts the user messages and
 * insists on the script's text; `user-text` (a live session, where a reload or a restarted job
 * starts a fresh chat history) answers whichever turn's line the recruiter just said.
 */
export type TurnMatching = "turn-order" | "user-text";

/**
 * Picks the scripted reply from the conversation alone, as a model would; within a turn the
 * tool calls come first, then the spoken reply once their results are in the history.
 */
export function chooseReply(
  turns: readonly ScriptTurn[],
  messages: readonly RequestMessage[],
  matching: TurnMatching = "turn-order",
): Reply {
  const userIndexes = userMessageIndexes(messages);
  const lastUser = userIndexes.at(-1);
  if (lastUser === undefined) return { kind: "error", message: "the request has no user message" };
  const heard = textOf(messages[lastUser] as RequestMessage).trim();
  const turn =
    matching === "user-text"
      ? turns.findIndex((candidate) => candidate.user === heard)
      : userIndexes.length - 1;
  const script = turns[turn];
  if (matching === "user-text" && script === undefined) {
    const hint = turns[0]?.user ?? "";
    return {
      kind: "say",
      turn,
      text: `I am a scripted stand-in model and only know my script's lines. Try: "${hint}"`,
    };
  }
  if (script === undefined) {
    return { kind: "error", message: `user message ${turn + 1} is past the script's ${turns.length} turns` };
  }
  if (heard !== script.user) {
    return {
      kind: "error",
      message: `turn ${turn}: expected user text ${JSON.stringify(script.user)}, got ${JSON.stringify(heard)}`,
    };
  }
  const { toolCalls, say } = script.assistant;
  if (toolCalls.length > 0 && !toolStepDone(messages, lastUser))
    return { kind: "tool_calls", turn, calls: toolCalls };
  return { kind: "say", turn, text: say ?? "" };
}

export function userMessageIndexes(messages: readonly RequestMessage[]): number[] {
  return messages.flatMap((message, index) => (message.role === "user" ? [index] : []));
}

/** Whether the model already called tools after the user message at `lastUser` (this is the reply step). */
export function toolStepDone(messages: readonly RequestMessage[], lastUser: number): boolean {
  return messages
    .slice(lastUser + 1)
    .some((message) => message.role === "assistant" && (message.tool_calls?.length ?? 0) > 0);
}
