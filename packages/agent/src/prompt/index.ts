export { type AgentContext, buildAgentContext } from "./context.js";
export { followPrompt } from "./live-prompt.js";
export { buildGreeting, buildOpeningHook } from "./opening-hook.js";
export { cleanText, FENCE_END, fence, fenceStart } from "./sanitize.js";
export { PROMPT_LIMITS } from "./sections.js";
export { generateSmartQuestions, MAX_SMART_QUESTIONS, type SmartQuestion } from "./smart-questions.js";
export { buildSystemPrompt, MAX_PROMPT_CHARS } from "./system-prompt.js";
