import { RpcError } from "@livekit/rtc-node";
import {
  decodeEditResult,
  type EditCommand,
  encodeEditCommand,
  PROTOCOL_VERSION,
} from "@voice-onboarding/protocol";
import { expect } from "vitest";
import type { CreateSessionInput } from "../../service/index.js";
import { createHarness, type TestHarness } from "../../service/testing/fixtures.js";
import { createPgliteStore, type PgliteStore } from "../../store/index.js";
import { createEditRpcHandler } from "../index.js";

export const RECRUITER = "recruiter-1";

export type EditDraft = {
  [Type in EditCommand["type"]]: { type: Type; data: Extract<EditCommand, { type: Type }>["data"] };
}[EditCommand["type"]];

export interface InvokeOptions {
  callerIdentity?: string;
  sessionId?: string;
  /** Defaults to a fresh `cmd-N`; pass one to retry a command. */
  commandId?: string;
}

/**
 * The edit RPC handler over the real embedded PGlite store, invoked with the RpcInvocationData
 * the LiveKit SDK would deliver (no LiveKit server runs in these tests).
 */
export async function createEditRpcHarness(session: CreateSessionInput) {
  const store: PgliteStore = await createPgliteStore();
  const harness: TestHarness = await createHarness({ createStore: () => store, session });
  const told: string[] = [];
  const handle = createEditRpcHandler({
    service: harness.service,
    sessionId: harness.sessionId,
    isRecruiter: (identity) => identity === RECRUITER,
    onEdited: (sentence) => told.push(sentence),
  });
  let commands = 0;
  return {
    store,
    harness,
    handle,
    /** Every note the model was told, in order. */
    told,
    lastCommandId: () => `cmd-${commands}`,
    profile: () => harness.service.load(harness.sessionId),
    invoke(draft: EditDraft, options: InvokeOptions = {}) {
      const command = {
        v: PROTOCOL_VERSION,
        sessionId: options.sessionId ?? harness.sessionId,
        commandId: options.commandId ?? `cmd-${++commands}`,
        ...draft,
      } as EditCommand;
      return handle({
        requestId: "r",
        callerIdentity: options.callerIdentity ?? RECRUITER,
        payload: encodeEditCommand(command),
        responseTimeout: 10_000,
      });
    },
  };
}

/** The RpcError an edit was refused with, and the failed EditResult it carries. */
export async function refusal(promise: Promise<string>) {
  const error = await promise.then(
    () => expect.fail("the edit should have been refused"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RpcError);
  const rpcError = error as RpcError;
  const decoded = decodeEditResult(rpcError.data ?? "");
  if (!decoded.ok || decoded.message.ok) throw new Error("refusal data is not a failed EditResult");
  return { code: rpcError.code, message: rpcError.message, result: decoded.message };
}
