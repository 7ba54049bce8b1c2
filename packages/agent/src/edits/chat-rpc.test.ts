import { RpcError } from "@livekit/rtc-node";
import { encodeChatLine } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { CHAT_LIMITED_RPC_ERROR_CODE, type ChatHeard, createChatRpcHandler } from "./chat-rpc.js";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

const call = (callerIdentity: string, payload: string) => ({
  requestId: "r",
  callerIdentity,
  payload,
  responseTimeout: 5000,
});
const refusal = (promise: Promise<string>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as RpcError,
  );

describe("chat RPC", () => {
  it("hears a recruiter's line once however often it is sent, and answers every send", async () => {
    const heard: string[] = [];
    const handle = createChatRpcHandler({
      isRecruiter: (identity) => identity.startsWith("recruiter-"),
      hear: (text) => {
        heard.push(text);
        return { ok: true };
      },
    });
    const line = encodeChatLine({ lineId: "line-1", text: "Hybrid in San Francisco" });
    expect(await handle(call("recruiter-1", line))).toBe("ok");
    // The widget got no answer (a reconnect swallowed it) and sends the same line again.
    expect(await handle(call("recruiter-1", line))).toBe("ok");
    // Another tab's line with the same id is another line.
    expect(await handle(call("recruiter-2", line))).toBe("ok");
    expect(heard).toEqual(["Hybrid in San Francisco", "Hybrid in San Francisco"]);
  });

  it("refuses anyone but the recruiter, an unreadable line, and says why the gate refused one", async () => {
    const handle = createChatRpcHandler({
      isRecruiter: (identity) => identity === "recruiter-1",
      hear: (text): ChatHeard =>
        text.trim() ? { ok: false, reason: "too_fast" } : { ok: false, reason: "blank" },
    });
    const line = encodeChatLine({ lineId: "line-1", text: "hello" });
    expect((await refusal(handle(call("intruder", line))))?.code).toBe(EDIT_RPC_ERROR_CODES.forbidden);
    const unreadable = await refusal(handle(call("recruiter-1", '{"text":"no id"}')));
    expect(unreadable?.code).toBe(EDIT_RPC_ERROR_CODES.invalid_command);
    expect(unreadable?.message).toContain("lineId");
    const limited = await refusal(handle(call("recruiter-1", line)));
    expect(limited).toBeInstanceOf(RpcError);
    expect(limited?.code).toBe(CHAT_LIMITED_RPC_ERROR_CODE);
    expect(limited?.message).toBe("too_fast");
  });
});
