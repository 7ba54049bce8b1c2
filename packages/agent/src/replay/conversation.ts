import { type llm, voice } from "@livekit/agents";
import type { ScriptTurn } from "./script.js";

export interface ToolResult {
  /** Index of the script turn whose assistant step made the call. */
  turn: number;
  name: string;
  /** The arguments as the model sent them (parsed JSON, or the raw text when it was not JSON). */
  arguments: unknown;
  output: string;
  /** The tool refused the call (a `ToolError` or a crash); the model saw `output` and carried on. */
  isError: boolean;
}

export interface TranscriptEntry {
  turn: number;
  role: "user" | "assistant";
  text: string;
}

export interface ConversationResult {
  toolResults: ToolResult[];
  transcript: TranscriptEntry[];
}

/** The model endpoint or the session failed; the conversation could not be played to the end. */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
}

const TURN_TIMEOUT_MS = 30_000;

/**
 * Plays each scripted user turn through a started `voice.AgentSession` (`session.run`), the
 * same path a typed chat message takes, and collects what the model called and said.
 */
export async function playTurns(
  session: voice.AgentSession,
  turns: readonly ScriptTurn[],
  beforeTurn: (turn: number) => void = () => {},
): Promise<ConversationResult> {
  const result: ConversationResult = { toolResults: [], transcript: [] };
  for (const [turn, script] of turns.entries()) {
    beforeTurn(turn);
    await playTurn(session, turn, script.user, result);
  }
  return result;
}

/** Plays one user line and appends what the model called and said to `into`. */
export async function playTurn(
  session: voice.AgentSession,
  turn: number,
  userText: string,
  into: ConversationResult,
): Promise<void> {
  const errors: string[] = [];
  const onError = (event: voice.ErrorEvent) => {
    const { error } = event;
    if (error && "recoverable" in error && error.recoverable) return;
    errors.push(describe(error));
  };
  session.on(voice.AgentSessionEventTypes.Error, onError);
  try {
    const run = session.run({ userInput: userText });
    await withTimeout(
      run.wait(),
      TURN_TIMEOUT_MS,
      `turn ${turn} did not finish within ${TURN_TIMEOUT_MS} ms`,
    );
    if (errors.length > 0) throw new ReplayError(`turn ${turn}: ${errors.join("; ")}`);
    into.transcript.push({ turn, role: "user", text: userText });
    collect(turn, run.events, into);
  } finally {
    session.off(voice.AgentSessionEventTypes.Error, onError);
  }
}

/** Tool results in the order the model made the calls (agents-js reports them as they finish). */
function collect(turn: number, events: readonly voice.testing.RunEvent[], into: ConversationResult): void {
  const outputs = new Map<string, llm.FunctionCallOutput>();
  for (const event of events) {
    if (event.type === "function_call_output") outputs.set(event.item.callId, event.item);
  }
  for (const event of events) {
    if (event.type === "function_call") {
      const output = outputs.get(event.item.callId);
      if (output === undefined) continue;
      into.toolResults.push({
        turn,
        name: event.item.name,
        arguments: parseArguments(event.item.args),
        output: output.output,
        isError: output.isError,
      });
    } else if (event.type === "message" && event.item.role === "assistant") {
      const text = event.item.textContent ?? "";
      if (text !== "") into.transcript.push({ turn, role: "assistant", text });
    }
  }
}

function parseArguments(raw: string): unknown {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "error" in error) return describe(error.error);
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReplayError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
