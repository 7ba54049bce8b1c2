import { voice } from "@livekit/agents";
import type { JobProfile } from "@voice-onboarding/protocol";
import { buildGreeting, buildSystemPrompt } from "../prompt/index.js";
import type { ProfileService } from "../service/index.js";
import { createIntakeTools } from "../tools/index.js";
import { FreshInstructionsAgent } from "./fresh-instructions.js";

export interface IntakeAgent {
  agent: voice.Agent;
  profile: JobProfile;
  /** The opening hook for a new intake, a resume line or a wrap-up otherwise (`buildGreeting`). */
  greeting: string;
  /** Adds a system note to the model's chat context (e.g. what the recruiter changed by hand). */
  tellModel(note: string): Promise<void>;
  /** Stops refreshing the prompt. */
  dispose(): void;
}

export interface IntakeAgentOptions {
  /** The system prompt for a profile; `buildSystemPrompt` when absent. */
  instructionsFor?: (profile: JobProfile) => string;
  onRefreshError?: (error: unknown) => void;
  /**
   * Whether the model's reply after tool calls already sees the prompt refreshed by those calls
   * (default). Off is agents-js's own behaviour (the refresh applies from the next turn), kept so
   * the eval can show the difference.
   */
  refreshWithinTurn?: boolean;
}

/**
 * The intake agent of one session: its tools, and a system prompt rebuilt after every committed
 * change so the model never reasons over a stale profile. Used by the worker, chat and replay.
 */
export async function createIntakeAgent(
  service: ProfileService,
  sessionId: string,
  {
    instructionsFor = buildSystemPrompt,
    onRefreshError = warnRefreshFailed,
    refreshWithinTurn = true,
  }: IntakeAgentOptions = {},
): Promise<IntakeAgent> {
  const profile = await service.load(sessionId);
  const agent = new (refreshWithinTurn ? FreshInstructionsAgent : voice.Agent)({
    instructions: instructionsFor(profile),
    tools: createIntakeTools({ service, sessionId }),
  });
  const dispose = service.onChange((change) => {
    if (change.profile.sessionId !== sessionId) return;
    agent.updateInstructions(instructionsFor(change.profile)).catch(onRefreshError);
  });
  const tellModel = async (note: string) => {
    const chatCtx = agent.chatCtx.copy();
    chatCtx.addMessage({ role: "system", content: note });
    await agent.updateChatCtx(chatCtx);
  };
  return { agent, profile, greeting: buildGreeting(profile), tellModel, dispose };
}

function warnRefreshFailed(error: unknown): void {
  console.warn("could not refresh the agent's instructions", error);
}
