import { RpcError, type RpcInvocationData } from "@livekit/rtc-node";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

export interface InputRpcOptions {
  isRecruiter(identity: string): boolean | Promise<boolean>;
  /** The recruiter answers by typing: no microphone is coming from them. */
  choseText(identity: string): void;
}

/**
 * The `RPC_METHOD.input` handler: a recruiter's widget says they chose text (payload `"text"`),
 * so the greeting is not held back waiting for their microphone. Anyone else is refused.
 */
export function createInputRpcHandler({ isRecruiter, choseText }: InputRpcOptions) {
  return async ({ callerIdentity, payload }: RpcInvocationData): Promise<string> => {
    if (!(await isRecruiter(callerIdentity))) {
      throw new RpcError(EDIT_RPC_ERROR_CODES.forbidden, "only the session's recruiter says how they answer");
    }
    if (payload !== "text") {
      throw new RpcError(
        EDIT_RPC_ERROR_CODES.invalid_command,
        `the input must be "text", got ${payload.slice(0, 40)}`,
      );
    }
    choseText(callerIdentity);
    return "ok";
  };
}
