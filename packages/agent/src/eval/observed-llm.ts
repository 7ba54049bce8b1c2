import type { llm } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import type { JobProfile } from "@voice-onboarding/protocol";
import { cleanText } from "../prompt/sanitize.js";

/** What the model was shown, call by call, against the profile as committed at that moment. */
export interface ContextStats {
  modelCalls: number;
  /** Calls whose system prompt was not the one for the latest committed profile. */
  staleCalls: number;
  /** Calls whose system prompt did not name every stored trait (the model cannot refer to those). */
  hiddenTraitCalls: number;
}

export interface ObservedLLMOptions extends Partial<openai.LLMOptions> {
  /** The latest committed profile, and the prompt the agent should be showing for it. */
  current(): { profile: JobProfile; prompt: string };
}

/**
 * The openai plugin's LLM, unchanged on the wire, noting before each call whether the model's
 * instructions match the committed profile. Works the same with a hosted model and the stand-in.
 */
export class ObservedLLM extends openai.LLM {
  readonly stats: ContextStats = { modelCalls: 0, staleCalls: 0, hiddenTraitCalls: 0 };
  readonly #current: ObservedLLMOptions["current"];

  constructor({ current, ...options }: ObservedLLMOptions) {
    super(options);
    this.#current = current;
  }

  override chat(args: Parameters<openai.LLM["chat"]>[0]): ReturnType<openai.LLM["chat"]> {
    this.#observe(args.chatCtx);
    return super.chat(args);
  }

  #observe(chatCtx: llm.ChatContext): void {
    const { profile, prompt } = this.#current();
    const shown = chatCtx.items.find((item) => item.type === "message" && item.role === "system");
    const text = shown?.type === "message" ? (shown.textContent ?? "") : "";
    this.stats.modelCalls++;
    if (text !== prompt) this.stats.staleCalls++;
    if (profile.traits.some((trait) => !text.includes(cleanText(trait.name, 80)))) {
      this.stats.hiddenTraitCalls++;
    }
  }
}
