import { RpcError, type RpcInvocationData } from "@livekit/rtc-node";
import type { ProtocolMessage } from "@voice-onboarding/protocol";
import { type ProfileService, ProfileUnavailableError } from "../service/index.js";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

export interface SnapshotRpcOptions {
  service: ProfileService;
  sessionId: string;
  isRecruiter(identity: string): boolean | Promise<boolean>;
  /** Delivers the snapshot to the caller on the protocol topic (a text stream: no size limit). */
  sendTo(identity: string, message: ProtocolMessage): Promise<void>;
}

/**
 * The `RPC_METHOD.snapshot` handler. RPC replies are capped at 15 KiB, smaller than a large
 * profile, so the snapshot travels as a text stream and the reply only carries its `seq`.
 */
export function createSnapshotRpcHandler(options: SnapshotRpcOptions) {
  return async ({ callerIdentity }: RpcInvocationData): Promise<string> => {
    if (!(await options.isRecruiter(callerIdentity))) {
      throw new RpcError(EDIT_RPC_ERROR_CODES.forbidden, "only the recruiter can read this profile");
    }
    try {
      const snapshot = await options.service.snapshot(options.sessionId);
      await options.sendTo(callerIdentity, snapshot);
      return JSON.stringify({ seq: snapshot.seq });
    } catch (error) {
      if (error instanceof ProfileUnavailableError) {
        throw new RpcError(
          EDIT_RPC_ERROR_CODES.unavailable,
          "the profile database is unreachable; try again",
        );
      }
      throw error;
    }
  };
}
