export {
  type ConversationResult,
  ReplayError,
  type ToolResult,
  type TranscriptEntry,
} from "./conversation.js";
export { type ReplayOptions, type ReplayResult, runReplay } from "./run-replay.js";
export {
  checkToolNames,
  parseScript,
  ReplayScript,
  ScriptAssistantTurn,
  ScriptError,
  ScriptToolCall,
  ScriptTurn,
} from "./script.js";
export { type StandInModel, startStandInModel } from "./stand-in-server.js";
export { type StandInSession, type StandInSessionOptions, startStandInSession } from "./stand-in-session.js";
