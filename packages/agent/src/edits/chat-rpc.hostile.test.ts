/**
 * Hostile chat RPC payloads, generated: whatever a participant sends, the handler hears only a
 * recruiter's well-formed line (with the chat gate's verdict) and otherwise answers with an
 * RpcError the widget can show; it never throws anything else.
 */
import { RpcError } from "@livekit/rtc-node";
import { MAX_RPC_PAYLOAD_BYTES } from "@voice-onboarding/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChatGate } from "../limits/chat-gate.js";
import { DEFAULT_INTAKE_LIMITS } from "../limits/intake-limits.js";
import { replaceSomewhere } from "../testing/hostile-json.js";
import { CHAT_LIMITED_RPC_ERROR_CODE, createChatRpcHandler } from "./chat-rpc.js";
import { EDIT_RPC_ERROR_CODES } from "./edit-rpc.js";

const RECRUITER = "recruiter-1";
const line = { lineId: "line-1", text: "We are hybrid in San Francisco" };

const hostilePayload = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
    fc
      .record({
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        replacement: fc.oneof(fc.jsonValue(), fc.constantFrom("__proto__", "x".repeat(5000), "", 1e308)),
      })
      .map(({ path, replacement }) => JSON.stringify(replaceSomewhere(line, path, replacement))),
    fc
      .nat(MAX_RPC_PAYLOAD_BYTES)
      .map((extra) => JSON.stringify({ ...line, text: "é".repeat(MAX_RPC_PAYLOAD_BYTES / 2 + extra) })),
  );

const callers = fc.constantFrom(RECRUITER, RECRUITER, "intruder", "agent-xyz", "");

describe("chat RPC under hostile payloads", () => {
  it("hears only a recruiter's well-formed line the gate admits, and refuses everything else with an RpcError", async () => {
    // A generous rate: this is about payloads, not the rate limit (tested with the gate).
    const admit = createChatGate({ ...DEFAULT_INTAKE_LIMITS, chat: { burst: 1e9, perMinute: 1e9 } });
    const heard: string[] = [];
    // A new handler per payload: each is judged, not answered from an earlier line with its id.
    const newHandler = () =>
      createChatRpcHandler({
        isRecruiter: (identity) => identity === RECRUITER,
        hear: (text, identity) => {
          const verdict = admit(text, identity);
          if (!verdict.ok) return { ok: false, reason: verdict.reason };
          heard.push(verdict.text);
          return { ok: true };
        },
      });
    const codes = new Set([...Object.values(EDIT_RPC_ERROR_CODES), CHAT_LIMITED_RPC_ERROR_CODE]);
    let answered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostilePayload(), callers, async (payload, callerIdentity) => {
        const before = heard.length;
        const outcome = await newHandler()({
          requestId: "r",
          callerIdentity,
          payload,
          responseTimeout: 5000,
        }).then(
          (answer) => ({ answer }),
          (error: unknown) => ({ error }),
        );
        if ("answer" in outcome) {
          expect(outcome.answer).toBe("ok");
          expect(callerIdentity).toBe(RECRUITER);
          expect(heard).toHaveLength(before + 1);
          answered += 1;
        } else {
          expect(outcome.error).toBeInstanceOf(RpcError);
          expect(codes.has(Number((outcome.error as RpcError).code))).toBe(true);
          expect(heard).toHaveLength(before);
          refused += 1;
        }
      }),
      { numRuns: 2000 },
    );
    // Both outcomes happened: the generator reaches valid lines and hostile ones.
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
