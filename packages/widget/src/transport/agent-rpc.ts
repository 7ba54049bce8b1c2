import {
  decodeEditResult,
  decodeMessage,
  type EditCommand,
  type EditResult,
  encodeEditCommand,
  type ProtocolMessage,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import { type RemoteParticipant, type Room, RpcError } from "livekit-client";
import { en } from "../i18n/en.js";
import type { Messages } from "../i18n/messages.js";
import type { TransportError } from "./types.js";

type EditReasons = Pick<Messages, "editAgentAbsent" | "editAnswerUnreadable" | "editNoAnswer">;

function unavailable(command: EditCommand, message: string): EditResult {
  return { ok: false, commandId: command.commandId, error: { code: "unavailable", message } };
}

/**
 * RPC replies are capped at 15 KiB, smaller than a large profile, so the agent streams the
 * snapshot on the protocol topic and the reply only acknowledges it; a reply that is itself a
 * snapshot is returned.
 */
export async function requestSnapshotRpc(
  room: Room,
  agent: RemoteParticipant,
): Promise<ProtocolMessage | null> {
  const reply = await room.localParticipant.performRpc({
    destinationIdentity: agent.identity,
    method: RPC_METHOD.snapshot,
    payload: "",
  });
  const decoded = decodeMessage(reply);
  return decoded.ok && decoded.message.type === "profile.snapshot" ? decoded.message : null;
}

/**
 * Tells the agent the recruiter answers by typing, so it greets without waiting for a microphone.
 * Best effort: an agent older than protocol 1.1 has no such method and decides by the microphone.
 */
export function tellTextOnlyRpc(room: Room, agent: RemoteParticipant): void {
  room.localParticipant
    .performRpc({ destinationIdentity: agent.identity, method: RPC_METHOD.input, payload: "text" })
    .catch(() => {});
}

/** Resolves with the agent's answer; failing to reach it is an `unavailable` result, never a rejection. */
export async function sendEditRpc(
  room: Room,
  agent: RemoteParticipant | undefined,
  command: EditCommand,
  report: (error: TransportError) => void,
  messages: EditReasons = en,
): Promise<EditResult> {
  if (agent === undefined) return unavailable(command, messages.editAgentAbsent);
  try {
    const reply = await room.localParticipant.performRpc({
      destinationIdentity: agent.identity,
      method: RPC_METHOD.edit,
      payload: encodeEditCommand(command),
    });
    const decoded = decodeEditResult(reply);
    if (decoded.ok) return decoded.message;
    report({ kind: "edit_failed", message: `edit reply unusable: ${decoded.error.message}` });
    return unavailable(command, messages.editAnswerUnreadable);
  } catch (cause) {
    // The agent refuses an edit with an RpcError whose data is the encoded EditResult.
    const refusal = cause instanceof RpcError && cause.data ? decodeEditResult(cause.data) : null;
    if (refusal?.ok) return refusal.message;
    report({ kind: "edit_failed", message: `edit request failed: ${String(cause)}` });
    return unavailable(command, messages.editNoAnswer);
  }
}
