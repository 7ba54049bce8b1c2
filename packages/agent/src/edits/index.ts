export {
  CHAT_LIMITED_RPC_ERROR_CODE,
  type ChatHeard,
  type ChatRefusal,
  type ChatRpcOptions,
  createChatRpcHandler,
} from "./chat-rpc.js";
export { describeEdit } from "./describe-edit.js";
export { limitEdits } from "./edit-limits.js";
export { planForEdit } from "./edit-plans.js";
export { createEditRpcHandler, EDIT_RPC_ERROR_CODES, type EditRpcOptions } from "./edit-rpc.js";
export { createInputRpcHandler, type InputRpcOptions } from "./input-rpc.js";
export { createSnapshotRpcHandler, type SnapshotRpcOptions } from "./snapshot-rpc.js";
