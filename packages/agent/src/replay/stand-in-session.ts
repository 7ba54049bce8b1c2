import { initializeLogger, loggerOptions, voice } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import type { ScriptTurn } from "./script.js";
import { type StandInModel, startStandInModel } from "./stand-in-server.js";

export interface StandInSession {
  session: voice.AgentSession;
  agent: voice.Agent;
  model: StandInModel;
  /** Closes the agent session, then the stand-in server; safe to call twice. */
  close(): Promise<void>;
}

export interface StandInSessionOptions {
  turns: readonly ScriptTurn[];
  agent: voice.Agent;
  /** Model steps per user turn; agents-js defaults to 3, too few for chained tool calls. */
  maxToolSteps?: number;
}

/**
 * A real `voice.AgentSession` with the real openai plugin, pointed at the local stand-in model.
 * Text only: no room, no VAD, STT or TTS.
 */
export async function startStandInSession(options: StandInSessionOptions): Promise<StandInSession> {
  // Outside `cli.runApp` nobody sets up the agents-js logger; it writes to stdout, so keep it silent.
  if (loggerOptions() === undefined) initializeLogger({ pretty: false, level: "silent" });
  const model = await startStandInModel(options.turns);
  const session = new voice.AgentSession({
    llm: new openai.LLM({ baseURL: model.baseURL, apiKey: "stand-in", model: model.model }),
    vad: null,
    maxToolSteps: options.maxToolSteps ?? 8,
  });
  const { agent } = options;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= session.close().finally(() => model.close());
    return closed;
  };
  try {
    await session.start({ agent });
  } catch (error) {
    await close();
    throw error;
  }
  return { session, agent, model, close };
}
