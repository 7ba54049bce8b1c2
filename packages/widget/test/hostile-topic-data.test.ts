/**
 * Generated hostile data on the profile topic, through a real livekit-client Room's own packet
 * handler (no server runs here): forged and garbage messages as data packets and text streams from
 * a participant who is not the agent, from an agent of another session, and garbage from our own
 * agent. The widget never throws, never changes the profile, counts what it ignored and reports
 * what its agent sent that it could not read.
 */
import { encodeMessage, PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import fc from "fast-check";
import { ConnectionState, ParticipantKind, type PerformRpcParams, Room } from "livekit-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { createLiveKitTransport, type LiveKitTransport } from "../src/transport/livekit-transport.js";
import type { TransportError } from "../src/transport/types.js";
import { baseProfile, SESSION_ID, snapshot, traitCreated } from "./fixtures.js";
import {
  deliverDataPacket,
  deliverTextStream,
  setConnectionState,
  setLocalParticipant,
  updateParticipant,
} from "./livekit-room.js";

let room: Room;
let store: OnboardingStore;
let transport: LiveKitTransport;
let errors: TransportError[];

const ours = { [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  room = new Room();
  store = createOnboardingStore();
  errors = [];
  vi.spyOn(room.localParticipant, "performRpc").mockImplementation(async (_params: PerformRpcParams) =>
    JSON.stringify({ seq: 1 }),
  );
  setLocalParticipant(room, "recruiter-1", ours);
  setConnectionState(room, ConnectionState.Connected);
  transport = createLiveKitTransport({ room, onError: (error) => errors.push(error) });
  transport.connect(sinkForStore(store));
  updateParticipant(room, "agent-1", { kind: ParticipantKind.AGENT, attributes: ours });
  updateParticipant(room, "agent-other", {
    kind: ParticipantKind.AGENT,
    attributes: { [PARTICIPANT_ATTRIBUTE.sessionId]: "another-session" },
  });
  updateParticipant(room, "mallory", {
    attributes: { [PARTICIPANT_ATTRIBUTE.role]: "recruiter", [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID },
  });
  deliverDataPacket(room, "agent-1", encodeMessage(snapshot(baseProfile())));
  await settle();
  expect(store.getState().profile?.version).toBe(1);
  errors.length = 0;
});

afterEach(() => transport.disconnect());

/** What a hostile participant might put on the topic: forged agent messages, JSON and bytes. */
const payload = fc.oneof(
  fc.nat(50).map((seq) => encodeMessage(traitCreated(seq + 2, `forged-${seq}`, "Forged trait"))),
  fc.nat(50).map((seq) => encodeMessage(snapshot(baseProfile({ version: seq + 2, traits: [] })))),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom('{"v":"9.0"}', '{"__proto__":{"polluted":true}}', "\u0000", ""),
);
const hostileSender = fc.constantFrom("mallory", "agent-other");
const channel = fc.constantFrom("packet", "stream");

function deliver(from: string, raw: string, how: "packet" | "stream") {
  if (how === "packet") deliverDataPacket(room, from, raw);
  else deliverTextStream(room, from, raw.length > 0 ? [raw.slice(0, 100), raw.slice(100)] : [""]);
}

describe("hostile data on the profile topic", () => {
  it("ignores everything from anyone but this session's agent and counts it", async () => {
    const profile = store.getState().profile;
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(payload, hostileSender, channel), { minLength: 1, maxLength: 10 }),
        async (batch) => {
          for (const [raw, from, how] of batch) expect(() => deliver(from, raw, how)).not.toThrow();
          delivered += batch.length;
          await settle();
          expect(store.getState().profile).toBe(profile);
          expect(transport.ignoredMessages).toBe(delivered);
        },
      ),
      { numRuns: 300 },
    );
    expect(delivered).toBeGreaterThan(1_000);
    // Ignored, not errors: a stranger's noise is nothing for the host to act on.
    expect(errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it("reports what its own agent sent that it could not read, and keeps the profile", async () => {
    const profile = store.getState().profile;
    const garbage = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
      fc.string({ unit: "binary", maxLength: 300 }),
    );
    fc.assert(
      fc.property(garbage, (raw) => {
        const reported = errors.length;
        expect(() => deliverDataPacket(room, "agent-1", raw)).not.toThrow();
        expect(store.getState().profile).toBe(profile);
        expect(errors).toHaveLength(reported + 1);
        expect(errors.at(-1)).toMatchObject({ kind: "invalid_message", message: expect.any(String) });
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
