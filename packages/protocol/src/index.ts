export * from "./codec.js";
export * from "./constants.js";
export * from "./edits.js";
export * from "./fields.js";
export * from "./issues.js";
export * from "./messages.js";
export * from "./reducer.js";
export * from "./schemas/index.js";
export { decodeMessage, encodeMessage } from "./wire.js";
