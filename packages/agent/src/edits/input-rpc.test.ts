import { RpcError } from "@livekit/rtc-node";
import { describe, expect, it } from "vitest";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";
import { createInputRpcHandler } from "./input-rpc.js";

const call = (callerIdentity: string, payload: string) => ({
  requestId: "r",
  callerIdentity,
  payload,
  responseTimeout: 5000,
});

describe("input RPC", () => {
  it("takes a recruiter's word that they type, and refuses anyone else or anything but text", async () => {
    const typists: string[] = [];
    const handle = createInputRpcHandler({
      isRecruiter: (identity) => identity.startsWith("recruiter-"),
      choseText: (identity) => typists.push(identity),
    });
    expect(await handle(call("recruiter-1", "text"))).toBe("ok");
    const intruder = await handle(call("intruder", "text")).catch((error: unknown) => error);
    expect(intruder).toBeInstanceOf(RpcError);
    expect((intruder as RpcError).code).toBe(EDIT_RPC_ERROR_CODES.forbidden);
    const odd = await handle(call("recruiter-2", "telepathy")).catch((error: unknown) => error);
    expect((odd as RpcError).code).toBe(EDIT_RPC_ERROR_CODES.invalid_command);
    expect((odd as RpcError).message).toContain('"text"');
    expect(typists).toEqual(["recruiter-1"]);
  });
});
