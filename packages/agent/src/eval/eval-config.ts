import { type Env, EnvReader } from "../config/env-reader.js";
import { loadChatConfig } from "../config/index.js";
import type { LiveModels } from "./run-eval.js";

/**
 * Whether a model is reachable the way the worker reads it: an OpenRouter or endpoint key, or an
 * endpoint other than OpenRouter (a local Ollama or vLLM needs no key).
 */
export function hasModelKeys(env: Env): boolean {
  const base = env.LLM_BASE_URL ?? "";
  return Boolean(
    env.OPENROUTER_API_KEY || env.LLM_API_KEY || (base !== "" && !base.includes("openrouter.ai")),
  );
}

/**
 * The model under test as the worker reads it (LLM_BASE_URL, keys, LLM_MODEL); the recruiter
 * role-play and the judge use the same endpoint, with their own model when named.
 */
export function loadEvalModels(env: Env): LiveModels {
  const { llm, maxToolSteps } = loadChatConfig(env);
  const reader = new EnvReader(env);
  const endpoint = { baseURL: llm.baseURL, apiKey: llm.apiKey };
  return {
    model: { ...endpoint, model: llm.model, temperature: llm.temperature },
    recruiter: { ...endpoint, model: reader.optional("EVAL_RECRUITER_MODEL") ?? llm.model },
    judge: { ...endpoint, model: reader.optional("EVAL_JUDGE_MODEL") ?? llm.model },
    maxToolSteps,
  };
}
