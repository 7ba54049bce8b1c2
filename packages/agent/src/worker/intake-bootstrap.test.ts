/**
 * The job bootstrap (dispatch metadata → profile → prompt → snapshot → opening hook) and the
 * recruiter's RPCs, as the worker runs them after connecting. No LiveKit server runs here: the
 * room is a local stand-in with rtc-node's Room shape (participants, sendText, registerRpcMethod),
 * and the model is the local OpenAI-compatible stand-in driving a real voice.AgentSession.
 */
import { ParticipantKind, type RpcInvocationData } from "@livekit/rtc-node";
import {
  DATA_TOPIC,
  decodeMessage,
  encodeEditCommand,
  PROTOCOL_VERSION,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CapturingPublisher } from "../publish/publisher.js";
import { parseScript } from "../replay/script.js";
import { type StandInSession, startStandInSession } from "../replay/stand-in-session.js";
import { ProfileService } from "../service/index.js";
import { MemoryProfileStore } from "../service/testing/memory-store.js";
import { readSessionId } from "./dispatch-metadata.js";
import { bootstrapIntake, type IntakeRoom } from "./intake-bootstrap.js";
import { ROLE_ATTRIBUTE } from "./recruiter-presence.js";

const { turns } = parseScript({
  session: { recruiter: { firstName: "Maya" } },
  turns: [{ user: "hi", assistant: { say: "Hello!" } }],
});

function standInRoom() {
  const sent: { text: string; topic: string; destinationIdentities: string[] }[] = [];
  const rpc = new Map<string, (data: RpcInvocationData) => Promise<string>>();
  const joinListeners: ((participant: {
    identity: string;
    kind: ParticipantKind;
    attributes: Record<string, string>;
  }) => void)[] = [];
  const remoteParticipants = new Map<
    string,
    { identity: string; kind: ParticipantKind; attributes: Record<string, string> }
  >();
  const join = (identity: string, role?: string) => {
    const attributes: Record<string, string> = role ? { [ROLE_ATTRIBUTE]: role } : {};
    const participant = { identity, kind: ParticipantKind.STANDARD, attributes };
    remoteParticipants.set(identity, participant);
    for (const listener of joinListeners) listener(participant);
  };
  const room: IntakeRoom = {
    localParticipant: {
      sendText: async (text, options) => {
        sent.push({ text, ...options });
      },
      registerRpcMethod: (method, handler) => rpc.set(method, handler),
    },
    remoteParticipants,
    onParticipantJoined: (listener) => joinListeners.push(listener),
  };
  const call = (method: string, callerIdentity: string, payload = "") => {
    const handler = rpc.get(method);
    if (!handler) throw new Error(`${method} is not registered`);
    return handler({ requestId: "r", callerIdentity, payload, responseTimeout: 5000 });
  };
  const decodedTo = (identity: string) =>
    sent
      .filter((entry) => entry.destinationIdentities.includes(identity))
      .map((entry) => decodeMessage(entry.text));
  return { room, sent, join, call, decodedTo };
}

let stand: StandInSession | undefined;
afterEach(async () => {
  await stand?.close();
  stand = undefined;
});

async function newSession(store: MemoryProfileStore) {
  const creator = new ProfileService({ store, publisher: new CapturingPublisher() });
  return creator.createSession({
    recruiter: { firstName: "Maya" },
    company: { name: "Acme", tagline: "Payments for the long tail" },
    requirements: { jobTitle: "Backend Engineer" },
  });
}

describe("bootstrapIntake", () => {
  it("loads the session from the metadata, snapshots the recruiter, greets, and serves the recruiter's RPCs", async () => {
    const store = new MemoryProfileStore();
    const created = await newSession(store);
    const metadata = readSessionId(JSON.stringify({ sessionId: created.sessionId }));
    if (!metadata.ok) throw new Error(metadata.reason);
    const { room, sent, join, call, decodedTo } = standInRoom();
    join("recruiter-1", "recruiter");
    const running = await bootstrapIntake({
      sessionId: metadata.sessionId,
      store,
      room,
      logger: { warn: () => {} },
      startSession: async (agent) => {
        stand = await startStandInSession({ turns, agent });
        return stand.session;
      },
    });
    if (running === null) throw new Error("the session exists");

    expect(sent[0]).toMatchObject({ topic: DATA_TOPIC, destinationIdentities: ["recruiter-1"] });
    expect(decodedTo("recruiter-1")[0]).toMatchObject({
      ok: true,
      message: { type: "profile.snapshot", seq: 0 },
    });
    expect(running.intake.agent.instructions).toContain("Acme");
    await vi.waitFor(() => {
      const said = running.session.history.items.map((item) =>
        "textContent" in item ? item.textContent : undefined,
      );
      expect(said).toContain(running.intake.openingHook);
    });
    expect(running.intake.openingHook).toContain("payments for the long tail");

    join("recruiter-2", "recruiter");
    join("guest");
    await vi.waitFor(() => expect(decodedTo("recruiter-2")).toHaveLength(1));
    expect(decodedTo("guest")).toEqual([]);

    const edit = encodeEditCommand({
      v: PROTOCOL_VERSION,
      sessionId: created.sessionId,
      commandId: "c1",
      type: "requirements.update",
      data: { requirements: { jobTitle: "Staff Backend Engineer" } },
    });
    await expect(call(RPC_METHOD.edit, "guest", edit)).rejects.toThrow(/only the recruiter/);
    expect(JSON.parse(await call(RPC_METHOD.edit, "recruiter-2", edit))).toMatchObject({ ok: true, seq: 1 });
    // Published to the recruiter currently in the room; the model hears what changed.
    expect(decodedTo("recruiter-1").at(-1)).toMatchObject({
      ok: true,
      message: { type: "requirements.updated", source: "recruiter" },
    });
    await vi.waitFor(() =>
      expect(JSON.stringify(running.intake.agent.chatCtx.items)).toContain("Staff Backend Engineer"),
    );
    expect(running.intake.agent.instructions).toContain("Staff Backend Engineer");

    expect(JSON.parse(await call(RPC_METHOD.snapshot, "recruiter-1"))).toEqual({ seq: 1 });
    expect(decodedTo("recruiter-1").at(-1)).toMatchObject({
      ok: true,
      message: { type: "profile.snapshot", seq: 1 },
    });
    running.intake.dispose();
  });

  it("returns null for an unknown session instead of crashing", async () => {
    const { room } = standInRoom();
    const running = await bootstrapIntake({
      sessionId: "no-such-session",
      store: new MemoryProfileStore(),
      room,
      logger: { warn: () => {} },
      startSession: async () => {
        throw new Error("must not start a session for an unknown profile");
      },
    });
    expect(running).toBeNull();
  });
});
