import type { RpcInvocationData } from "@livekit/rtc-node";
import { RpcError } from "@livekit/rtc-node";
import { decodeEditCommand, type EditResult, encodeEditResult } from "@voice-onboarding/protocol";
import {
  ChangeError,
  ChangeOutcomeUnknownError,
  ConflictRetriesExhaustedError,
  type ProfileService,
  ProfileUnavailableError,
  SessionNotFoundError,
} from "../service/index.js";
import { describeEdit } from "./describe-edit.js";
import { planForEdit } from "./edit-plans.js";

type EditErrorCode = Extract<EditResult, { ok: false }>["error"]["code"];

/** RPC error codes (outside LiveKit's reserved 1001–1999), one per edit error code. */
export const EDIT_RPC_ERROR_CODES: Record<EditErrorCode, number> = {
  invalid_command: 2400,
  forbidden: 2403,
  not_found: 2404,
  conflict: 2409,
  unavailable: 2503,
};

export interface EditRpcOptions {
  service: ProfileService;
  sessionId: string;
  /** Whether this identity is the recruiter of the room (not the agent, not another participant). */
  isRecruiter(identity: string): boolean | Promise<boolean>;
  /** Called with a sentence for the model's chat context after an edit was applied. */
  onEdited?(sentence: string): void;
}

const RPC_MESSAGE_LIMIT = 256; // bytes LiveKit carries in an RPC error message

/** An RpcError the widget shows: its `data` is the encoded EditResult, its message the reason. */
export function refuse(commandId: string, code: EditErrorCode, message: string): RpcError {
  const result = encodeEditResult({ ok: false, commandId, error: { code, message } });
  const short = Buffer.from(message)
    .subarray(0, RPC_MESSAGE_LIMIT)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  return new RpcError(EDIT_RPC_ERROR_CODES[code], short, result);
}

/**
 * The `RPC_METHOD.edit` handler: applies a recruiter's edit through the same ProfileService as the
 * tools (`source: "recruiter"`). Refusals are RpcErrors whose `data` is the encoded EditResult.
 */
export function createEditRpcHandler(options: EditRpcOptions) {
  return async ({ callerIdentity, payload }: RpcInvocationData): Promise<string> => {
    const decoded = decodeEditCommand(payload);
    const commandId = decoded.ok ? decoded.message.commandId : "unknown";
    if (!(await options.isRecruiter(callerIdentity))) {
      throw refuse(
        commandId,
        "forbidden",
        `only the recruiter can edit this profile; ${callerIdentity} cannot`,
      );
    }
    if (!decoded.ok)
      throw refuse(commandId, "invalid_command", `invalid edit command: ${decoded.error.message}`);
    const command = decoded.message;
    if (command.sessionId !== options.sessionId) {
      throw refuse(commandId, "forbidden", `this room belongs to another onboarding session`);
    }
    try {
      // One change id per command: a retried command never writes twice.
      const change = await options.service.apply(options.sessionId, "recruiter", planForEdit(command), {
        changeId: `edit:${command.commandId}`,
      });
      if (change.message) options.onEdited?.(describeEdit(command, change.previous));
      return encodeEditResult({ ok: true, commandId, seq: change.profile.version });
    } catch (error) {
      if (error instanceof ChangeError) {
        throw refuse(commandId, error.code === "not_found" ? "not_found" : "invalid_command", error.message);
      }
      if (error instanceof SessionNotFoundError) throw refuse(commandId, "not_found", error.message);
      if (error instanceof ProfileUnavailableError) {
        throw refuse(
          commandId,
          "unavailable",
          "the profile database is unreachable; nothing was saved; try again",
        );
      }
      if (error instanceof ChangeOutcomeUnknownError) {
        throw refuse(
          commandId,
          "unavailable",
          "the profile database did not answer in time; if the edit was saved, the card updates shortly",
        );
      }
      if (error instanceof ConflictRetriesExhaustedError) throw refuse(commandId, "conflict", error.message);
      throw error;
    }
  };
}
