import { act, cleanup, render, renderHook, screen } from "@testing-library/react";
import { encodeMessage, PARTICIPANT_ATTRIBUTE, RPC_METHOD } from "@voice-onboarding/protocol";
import { ConnectionState, ParticipantKind, type PerformRpcParams, Room } from "livekit-client";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OnboardingProvider } from "../src/hooks/onboarding-provider.js";
import { useOnboardingSession } from "../src/hooks/use-onboarding-session.js";
import type { ConnectionDetails } from "../src/session/controller.js";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { createLiveKitTransport, type LiveKitTransport } from "../src/transport/livekit-transport.js";
import type { TransportError } from "../src/transport/types.js";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import { baseProfile, SESSION_ID, snapshot, trait, traitCreated } from "./fixtures.js";
import {
  deliverTextStream,
  setConnectionState,
  setLocalParticipant,
  updateParticipant,
} from "./livekit-room.js";

/**
 * An agent whose job died leaves the room, and self-hosted LiveKit sends no other. The widget
 * keeps its connection, says it is waiting, asks its tokenFetcher again (the session service then
 * dispatches a new agent) with backoff, and converges to the stored profile when an agent is back.
 * Real livekit-client Rooms; only `connect` (no LiveKit server here) and the agent's RPC answers are
 * stand-ins, set on each Room the widget makes through a subclass.
 */
const lk = vi.hoisted(() => ({
  rooms: [] as Room[],
  connect: vi.fn<(room: Room) => Promise<void>>(),
  rpc: vi.fn<(room: Room, params: PerformRpcParams) => Promise<string>>(),
}));

vi.mock("livekit-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("livekit-client")>();
  class StandInRoom extends actual.Room {
    constructor(...args: ConstructorParameters<typeof actual.Room>) {
      super(...args);
      lk.rooms.push(this);
      this.connect = () => lk.connect(this);
      vi.spyOn(this.localParticipant, "performRpc").mockImplementation((params) => lk.rpc(this, params));
      vi.spyOn(this.localParticipant, "setMicrophoneEnabled").mockResolvedValue(undefined);
    }
  }
  return { ...actual, Room: StandInRoom };
});

const ours = { [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID };
const details: ConnectionDetails = { serverUrl: "wss://livekit.invalid", participantToken: "token" };

async function connected(room: Room) {
  setLocalParticipant(room, "recruiter-1", ours);
  setConnectionState(room, ConnectionState.Connected);
}

const agentJoins = (room: Room, identity: string, attributes: Record<string, string> = ours) =>
  updateParticipant(room, identity, {
    kind: ParticipantKind.AGENT,
    attributes: { ...attributes, "lk.agent.state": "listening" },
  });
const agentLeaves = (room: Room, identity: string) =>
  updateParticipant(room, identity, { kind: ParticipantKind.AGENT, attributes: ours, left: true });

beforeEach(() => {
  lk.rooms.length = 0;
  lk.connect.mockReset().mockImplementation(connected);
  lk.rpc.mockReset().mockResolvedValue(JSON.stringify({ seq: 1 }));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function session(tokenFetcher: () => Promise<ConnectionDetails>, onError?: (error: TransportError) => void) {
  const store = createOnboardingStore();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OnboardingProvider store={store} connection={{ tokenFetcher }} onError={onError} agentWaitMs={6000}>
      {children}
    </OnboardingProvider>
  );
  return { store, ...renderHook(() => useOnboardingSession(), { wrapper }) };
}

const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });

/** Starts a text-only session over the stand-in room, on fake timers. */
async function startConnected(
  tokenFetcher: () => Promise<ConnectionDetails>,
  onError?: (e: TransportError) => void,
) {
  fakeTimers();
  const hook = session(tokenFetcher, onError);
  await act(() => hook.result.current.start({ textOnly: true }));
  const [room] = lk.rooms;
  if (!room) throw new Error("no room was created");
  expect(hook.store.getState().connection.status).toBe("connected");
  return { ...hook, room };
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe("a connected session whose agent is missing", () => {
  it("asks the tokenFetcher again after agentWaitMs, then backs off, keeping its connection", async () => {
    const tokenFetcher = vi.fn(async () => details);
    const { store, room } = await startConnected(tokenFetcher);
    // The agent never arrived (say LiveKit dropped the dispatch): waiting from the start.
    expect(store.getState().agentWait).toMatchObject({ phase: "waiting", attempts: 0 });
    await act(async () => agentJoins(room, "agent-1"));
    expect(store.getState().agentWait).toBeNull();
    expect(store.getState().agentState).toBe("listening");

    // Its job dies: the agent leaves.
    await act(async () => agentLeaves(room, "agent-1"));
    expect(store.getState().agentState).toBe("disconnected");
    expect(store.getState().agentWait).toMatchObject({ phase: "waiting", attempts: 0 });
    await advance(5999);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    expect(store.getState().agentWait).toMatchObject({ phase: "retrying", attempts: 1 });
    await advance(11_999);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
    await advance(24_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(4);
    expect(store.getState().agentWait).toMatchObject({ phase: "retrying", attempts: 3 });
    // Capped at a minute: 48 s, then 60 s, 60 s.
    await advance(48_000 + 60_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(6);
    // Never reconnected: one room, one connect, still connected.
    expect(lk.rooms).toHaveLength(1);
    expect(lk.connect).toHaveBeenCalledOnce();
    expect(store.getState().connection.status).toBe("connected");

    // A new agent (a new job) joins: the wait ends and nothing more is asked.
    await act(async () => agentJoins(room, "agent-2"));
    expect(store.getState().agentWait).toBeNull();
    await advance(300_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(6);

    // Gone again later: the backoff starts over at agentWaitMs.
    await act(async () => agentLeaves(room, "agent-2"));
    await advance(6000);
    expect(tokenFetcher).toHaveBeenCalledTimes(7);
    expect(store.getState().agentWait).toMatchObject({ phase: "retrying", attempts: 1 });
  });

  it("reports a failing tokenFetcher through onError and keeps asking", async () => {
    const errors: TransportError[] = [];
    let calls = 0;
    const tokenFetcher = vi.fn(async () => {
      calls += 1;
      if (calls > 1) throw new Error("503 from /api/onboarding");
      return details;
    });
    const { store } = await startConnected(tokenFetcher, (error) => errors.push(error));
    await advance(6000);
    expect(errors).toEqual([
      {
        kind: "agent_request_failed",
        message: "asking for the agent again failed: 503 from /api/onboarding",
      },
    ]);
    await advance(12_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
    expect(store.getState().agentWait).toMatchObject({ phase: "retrying", attempts: 2 });
  });

  it("stops asking when the session stops or the widget unmounts", async () => {
    const tokenFetcher = vi.fn(async () => details);
    const { store, result, unmount } = await startConnected(tokenFetcher);
    await advance(6000);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    await act(() => result.current.stop());
    expect(store.getState().agentWait).toBeNull();
    await advance(120_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);

    await act(() => result.current.start({ textOnly: true }));
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
    unmount();
    await advance(120_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
  });

  it("says so in the agent indicator: waiting, then retrying, then the agent's own state", async () => {
    const getUserMedia = vi.fn().mockResolvedValue({ getTracks: () => [{ stop: vi.fn() }] });
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia } });
    fakeTimers();
    const tokenFetcher = vi.fn(async () => details);
    render(<VoiceOnboarding tokenFetcher={tokenFetcher} agentWaitMs={2000} />);
    await act(async () => screen.getByRole("button", { name: "Start conversation" }).click());
    await advance(0);
    expect(lk.connect).toHaveBeenCalledOnce();
    const label = () => document.querySelector(".vo-agent__label")?.textContent;
    expect(label()).toBe("Waiting for the agent…");
    await advance(2000);
    expect(label()).toBe("The agent is not available, retrying…");
    expect(document.querySelector<HTMLElement>(".vo-agent")?.dataset.wait).toBe("retrying");
    const [room] = lk.rooms;
    await act(async () => room && agentJoins(room, "agent-1"));
    expect(label()).toBe("Listening");
  });

  it("with a host room (no tokenFetcher), shows the wait and asks nothing", async () => {
    const room = new Room();
    setLocalParticipant(room, "recruiter-1", ours);
    setConnectionState(room, ConnectionState.Connected);
    const store = createOnboardingStore();
    const { result } = renderHook(() => useOnboardingSession(), {
      wrapper: ({ children }) => (
        <OnboardingProvider store={store} connection={{ room }}>
          {children}
        </OnboardingProvider>
      ),
    });
    fakeTimers();
    await act(() => result.current.start({ textOnly: true }));
    await advance(60_000);
    expect(store.getState().agentWait).toMatchObject({ phase: "waiting", attempts: 0 });
  });
});

describe("the agent that replaces a dead one", () => {
  let room: Room;
  let store: OnboardingStore;
  let transport: LiveKitTransport;
  const names = () => store.getState().profile?.traits.map((item) => item.name);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeEach(() => {
    room = new Room();
    store = createOnboardingStore();
    setLocalParticipant(room, "recruiter-1", ours);
    setConnectionState(room, ConnectionState.Connected);
    transport = createLiveKitTransport({ room });
    transport.connect(sinkForStore(store));
  });

  afterEach(() => transport.disconnect());

  it("is heard even when its snapshot and first change come before it is known, and its snapshot wins at the same version", async () => {
    agentJoins(room, "agent-1");
    deliverTextStream(room, "agent-1", [
      encodeMessage(snapshot(baseProfile({ version: 4, traits: [trait("t1", "Go")] }))),
    ]);
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(4));
    agentLeaves(room, "agent-1");
    expect(store.getState().agentState).toBe("disconnected");
    lk.rpc.mockClear();

    // The stored profile at version 4 is not quite what the widget shows (say an edit it never heard of).
    const stored = baseProfile({ version: 4, traits: [trait("t1", "Go"), trait("t2", "Kafka")] });
    lk.rpc.mockImplementation(async (_room, params) => {
      if (params.method === RPC_METHOD.snapshot)
        setTimeout(() => deliverTextStream(room, "agent-2", [encodeMessage(snapshot(stored))]), 0);
      return JSON.stringify({ seq: 4 });
    });
    // The new job joins; its session attribute comes a moment later, after its first messages.
    updateParticipant(room, "agent-2", { kind: ParticipantKind.AGENT, attributes: {} });
    deliverTextStream(room, "agent-2", [encodeMessage(snapshot(stored))]);
    deliverTextStream(room, "agent-2", [encodeMessage(traitCreated(5, "t3", "Rust"))]);
    await settle();
    expect(names()).toEqual(["Go"]);
    agentJoins(room, "agent-2");
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(5));
    expect(names()).toEqual(["Go", "Kafka", "Rust"]);
    expect(store.getState().needsSnapshot).toBe(false);
    // It was asked for a snapshot too (the one it sends on start could have been lost); same one: no change.
    expect(lk.rpc.mock.calls.map(([, params]) => [params.destinationIdentity, params.method])).toEqual([
      ["agent-2", RPC_METHOD.snapshot],
    ]);
    await settle();
    expect(store.getState().profile?.version).toBe(5);
  });
});

describe("a snapshot at the version the widget holds", () => {
  const held = baseProfile({ version: 4, traits: [trait("t1", "Go")] });

  it("changes nothing when it matches, whatever its key order", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot(held));
    const before = store.getState();
    // As a database may return it: every object's keys in another order.
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : typeof value === "object" && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, item]) => [key, reverse(item)]),
            )
          : value;
    expect(store.getState().receive(snapshot(reverse(held) as typeof held))).toBe("stale");
    expect(store.getState()).toBe(before);
  });

  it("replaces what the widget holds when it differs", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot(held));
    const stored = { ...held, traits: [trait("t1", "Go"), trait("t2", "Kafka")] };
    expect(store.getState().receive(snapshot(stored))).toBe("applied");
    expect(store.getState().profile).toEqual(stored);
  });

  it("ends a wait for a snapshot when it matches", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot(held));
    expect(store.getState().receive(traitCreated(6, "t6", "Held"))).toBe("gap");
    expect(store.getState().needsSnapshot).toBe(true);
    expect(store.getState().receive(snapshot(held))).toBe("applied");
    expect(store.getState().needsSnapshot).toBe(false);
    expect(store.getState().profile?.version).toBe(4);
  });
});

describe("a session whose token came with the profile (the session service's token route)", () => {
  it("paints the snapshot while the room is still connecting, before any agent is in it", async () => {
    let connect = () => {};
    lk.connect.mockImplementation(
      (room) =>
        new Promise<void>((resolve) => {
          connect = () => void connected(room).then(resolve);
        }),
    );
    const withSnapshot = {
      ...details,
      snapshot: JSON.parse(encodeMessage(snapshot(baseProfile({ version: 3 })))),
    };
    const { store, result } = session(async () => withSnapshot);
    let starting: Promise<void> | undefined;
    act(() => {
      starting = result.current.start({ textOnly: true });
    });
    await vi.waitFor(() => expect(store.getState().profile?.version).toBe(3));
    expect(store.getState().connection.status).toBe("connecting");
    await act(async () => {
      connect();
      await starting;
    });
    expect(store.getState().connection.status).toBe("connected");
    expect(store.getState().profile?.version).toBe(3);
  });
});
