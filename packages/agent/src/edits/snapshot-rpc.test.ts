/**
 * The snapshot RPC and the LiveKit publisher. No LiveKit server runs here: the local participant's
 * `sendText` is a recorder with the SDK's signature, the RPC errors are the SDK's real RpcError.
 */
import { RpcError } from "@livekit/rtc-node";
import { DATA_TOPIC, decodeMessage } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { LiveKitPublisher } from "../publish/livekit-publisher.js";
import { createHarness } from "../service/testing/fixtures.js";
import { createSnapshotRpcHandler } from "./snapshot-rpc.js";

function recordingParticipant() {
  const sent: { text: string; topic?: string; destinationIdentities?: string[] }[] = [];
  return {
    sent,
    sendText: async (text: string, options?: { topic?: string; destinationIdentities?: string[] }) => {
      sent.push({ text, ...options });
      return {
        id: `stream-${sent.length}`,
        mimeType: "text/plain",
        topic: options?.topic ?? "",
        timestamp: Date.now(),
      };
    },
  };
}

describe("snapshot RPC", () => {
  it("streams the current snapshot to the recruiter and replies with its seq", async () => {
    const harness = await createHarness();
    const participant = recordingParticipant();
    const publisher = new LiveKitPublisher(participant, () => ["recruiter-1"]);
    const handle = createSnapshotRpcHandler({
      service: harness.service,
      sessionId: harness.sessionId,
      isRecruiter: (identity) => identity === "recruiter-1",
      sendTo: (identity, message) => publisher.sendTo([identity], message),
    });
    const reply = await handle({
      requestId: "r",
      callerIdentity: "recruiter-1",
      payload: "",
      responseTimeout: 5000,
    });
    expect(JSON.parse(reply)).toEqual({ seq: 0 });
    expect(participant.sent).toHaveLength(1);
    const [sent] = participant.sent;
    expect(sent).toMatchObject({ topic: DATA_TOPIC, destinationIdentities: ["recruiter-1"] });
    const decoded = decodeMessage(sent?.text ?? "");
    expect(decoded.ok && decoded.message).toMatchObject({
      type: "profile.snapshot",
      seq: 0,
      data: { profile: await harness.service.load(harness.sessionId) },
    });
  });

  it("refuses anyone but the recruiter", async () => {
    const harness = await createHarness();
    const handle = createSnapshotRpcHandler({
      service: harness.service,
      sessionId: harness.sessionId,
      isRecruiter: () => false,
      sendTo: async () => expect.fail("nothing may be sent"),
    });
    await expect(
      handle({ requestId: "r", callerIdentity: "someone", payload: "", responseTimeout: 5000 }),
    ).rejects.toBeInstanceOf(RpcError);
  });
});

describe("LiveKitPublisher", () => {
  it("sends to every recruiter in one stream, and drops messages while nobody is there", async () => {
    const harness = await createHarness();
    const participant = recordingParticipant();
    let recruiters: string[] = [];
    const publisher = new LiveKitPublisher(participant, () => recruiters);
    const snapshot = await harness.service.snapshot(harness.sessionId);
    await publisher.publish(snapshot);
    expect(participant.sent).toEqual([]);
    recruiters = ["recruiter-9", "recruiter-10"];
    await publisher.publish(snapshot);
    expect(participant.sent.map((entry) => entry.destinationIdentities)).toEqual([
      ["recruiter-9", "recruiter-10"],
    ]);
  });
});
