import { describe, expect, it } from "vitest";
import { decodeChatLine, encodeChatLine, MAX_RPC_PAYLOAD_BYTES } from "../src/index.js";

describe("chat line codec", () => {
  it("round-trips a line and its id", () => {
    const line = { lineId: "line-1", text: "We are hybrid in San Francisco" };
    expect(decodeChatLine(encodeChatLine(line))).toEqual({ ok: true, message: line });
  });

  it("refuses a line without an id, a payload over LiveKit's RPC limit, and plain text", () => {
    expect(decodeChatLine(JSON.stringify({ text: "hi" }))).toMatchObject({
      ok: false,
      error: { kind: "invalid_message", path: ["lineId"] },
    });
    const huge = JSON.stringify({ lineId: "l", text: "x".repeat(MAX_RPC_PAYLOAD_BYTES) });
    expect(decodeChatLine(huge)).toMatchObject({ ok: false, error: { kind: "too_large" } });
    expect(decodeChatLine("hi")).toMatchObject({ ok: false, error: { kind: "invalid_json" } });
  });
});
