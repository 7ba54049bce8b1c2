import { llm, voice } from "@livekit/agents";

// agents-js's INSTRUCTIONS_MESSAGE_ID (voice/generation), which its index does not export; the
// eval's stale-call count (src/eval) fails if it ever changes.
const INSTRUCTIONS_ITEM_ID = "lk.agent_task.instructions";

/**
 * agents-js builds a turn's chat context once, so the reply after tool calls in the same turn
 * went out with the instructions from the start of the turn, although the tools' changes had
 * already refreshed the agent's. This agent sends its current instructions with every model
 * call: the reply after a tool call sees what the tool just committed (no question asked twice).
 */
export class FreshInstructionsAgent extends voice.Agent {
  override async llmNode(
    chatCtx: llm.ChatContext,
    toolCtx: llm.ToolContext,
    modelSettings: voice.ModelSettings,
  ): ReturnType<voice.Agent["llmNode"]> {
    const current = this.instructions;
    const index = chatCtx.indexById(INSTRUCTIONS_ITEM_ID);
    const shown = index === undefined ? undefined : chatCtx.items[index];
    if (typeof current !== "string" || index === undefined || shown?.type !== "message") {
      return super.llmNode(chatCtx, toolCtx, modelSettings);
    }
    if (shown.textContent === current) return super.llmNode(chatCtx, toolCtx, modelSettings);
    const fresh = chatCtx.copy();
    fresh.items[index] = llm.ChatMessage.create({
      id: INSTRUCTIONS_ITEM_ID,
      role: "system",
      content: [current],
      createdAt: shown.createdAt,
    });
    return super.llmNode(fresh, toolCtx, modelSettings);
  }
}
