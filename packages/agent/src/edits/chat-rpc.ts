import { RpcError, type RpcInvocationData } from "@livekit/rtc-node";
import { decodeChatLine } from "@voice-onboarding/protocol";
import type { ChatVerdict } from "../limits/chat-gate.js";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

/** Why a recruiter's line did not reach the model: the chat gate's reasons. */
export type ChatRefusal = Extract<ChatVerdict, { ok: false }>["reason"];

export type ChatHeard = { ok: true } | { ok: false; reason: ChatRefusal };

/** RPC error code of a line the chat gate refused: the widget shows it and does not send it again. */
export const CHAT_LIMITED_RPC_ERROR_CODE = 2429;

/** How many line ids the handler remembers: far more than a recruiter resends within a reconnect. */
const REMEMBERED_LINES = 256;

export interface ChatRpcOptions {
  isRecruiter(identity: string): boolean | Promise<boolean>;
  /** Passes a recruiter's line to the conversation, or says why it did not. */
  hear(text: string, identity: string): ChatHeard | Promise<ChatHeard>;
  /** A line arrived again (the widget had no answer in time): answered as before, not heard. */
  onResent?(): void;
}

/**
 * The `RPC_METHOD.chat` handler: a typed line with an acknowledgement. The widget sends a line
 * again when no answer came (a reconnect can swallow the first packet); a line id seen before
 * gets the first answer again and is not heard twice.
 */
export function createChatRpcHandler({ isRecruiter, hear, onResent }: ChatRpcOptions) {
  const answered = new Map<string, Promise<string>>();
  return async ({ callerIdentity, payload }: RpcInvocationData): Promise<string> => {
    if (!(await isRecruiter(callerIdentity))) {
      throw new RpcError(
        EDIT_RPC_ERROR_CODES.forbidden,
        "only the session's recruiter can type to the agent",
      );
    }
    const decoded = decodeChatLine(payload);
    if (!decoded.ok) {
      throw new RpcError(EDIT_RPC_ERROR_CODES.invalid_command, `invalid chat line: ${decoded.error.message}`);
    }
    const { lineId, text } = decoded.message;
    const key = `${callerIdentity}\u0000${lineId}`;
    const earlier = answered.get(key);
    if (earlier) {
      onResent?.();
      return earlier;
    }
    const answer = (async () => {
      const heard = await hear(text, callerIdentity);
      if (heard.ok) return "ok";
      throw new RpcError(CHAT_LIMITED_RPC_ERROR_CODE, heard.reason);
    })();
    answered.set(key, answer);
    if (answered.size > REMEMBERED_LINES) answered.delete(answered.keys().next().value as string);
    return answer;
  };
}
