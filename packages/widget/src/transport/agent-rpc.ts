import {
  type ChatLine,
  decodeEditResult,
  decodeMessage,
  type EditCommand,
  type EditResult,
  type ProtocolMessage,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import { ConnectionState, type RemoteParticipant, type Room, RpcError } from "livekit-client";
import { en } from "../i18n/en.js";
import type { Messages } from "../i18n/messages.js";
import type { TransportError } from "./types.js";

/**
 * Requests go out as their typed JSON, not through the protocol's checking encoders: the agent checks
 * every command and line anyway and refuses with a reason the card shows, and the browser is spared
 * the edit and chat schemas (~1 kB gzip of the Start chunk).
 */
const wire = (request: EditCommand | ChatLine): string => JSON.stringify(request);

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

/** How often a typed line is sent before the widget says it was not delivered. */
const CHAT_ATTEMPTS = 3;

/** How long a line typed before the agent joined waits for it (dispatch takes seconds under load). */
const AGENT_WAIT_MS = 15_000;

async function agentWithin(
  room: Room,
  find: () => RemoteParticipant | undefined,
  waitMs: number,
): Promise<RemoteParticipant | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const agent = find();
    // A room left meanwhile (Stop, unmount) will not see the agent come.
    const gone = room.state === ConnectionState.Disconnected;
    if (agent !== undefined || gone || Date.now() >= deadline) return agent;
    // Polled: the agent counts once its session attribute is trusted, which no single event marks.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Failures after which the same line may be sent again: it may never have reached the agent. */
const RESENDABLE = new Set<number>([
  RpcError.ErrorCode.CONNECTION_TIMEOUT,
  RpcError.ErrorCode.RESPONSE_TIMEOUT,
  RpcError.ErrorCode.RECIPIENT_DISCONNECTED,
  RpcError.ErrorCode.SEND_FAILED,
]);

/**
 * Sends a typed line with `RPC_METHOD.chat` and waits for the agent to take it. A line lost on the
 * way (livekit-client can drop the first packet after a full reconnect, silently) goes again
 * under the same id, which the agent hears once; an agent older than protocol 1.1 gets it on
 * `lk.chat`. A line the agent refused (too long, too fast) is not sent again: it says why itself.
 * Resolves with what became of the line; every failure is also reported.
 */
export async function sendChatRpc(
  room: Room,
  agent: () => RemoteParticipant | undefined,
  line: ChatLine,
  sendChatStream: (text: string) => Promise<unknown>,
  report: (error: TransportError) => void,
): Promise<"sent" | "refused" | "undelivered"> {
  let lastFailure: unknown;
  for (let attempt = 1; attempt <= CHAT_ATTEMPTS; attempt++) {
    const destination = await agentWithin(room, agent, AGENT_WAIT_MS);
    if (destination === undefined) {
      report({ kind: "send_failed", message: "message not sent: the agent is not in the room" });
      return "undelivered";
    }
    try {
      await room.localParticipant.performRpc({
        destinationIdentity: destination.identity,
        method: RPC_METHOD.chat,
        payload: wire(line),
        // The agent answers once its pipeline has started (a line typed meanwhile waits for it).
        responseTimeout: 10_000,
      });
      return "sent";
    } catch (cause) {
      if (!(cause instanceof RpcError)) throw cause;
      if (cause.code === RpcError.ErrorCode.UNSUPPORTED_METHOD) {
        await sendChatStream(line.text);
        return "sent";
      }
      if (!RESENDABLE.has(cause.code)) {
        report({ kind: "send_failed", message: `message refused: ${cause.message}` });
        return "refused";
      }
      lastFailure = cause;
    }
  }
  report({ kind: "send_failed", message: `message not delivered: ${String(lastFailure)}` });
  return "undelivered";
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
      payload: wire(command),
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
