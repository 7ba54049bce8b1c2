import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { DATA_TOPIC, encodeMessage, PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import {
  ConnectionState,
  type LocalTrackPublication,
  ParticipantKind,
  Room,
  RoomEvent,
} from "livekit-client";
import { type ReactNode, StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OnboardingProvider } from "../src/hooks/onboarding-provider.js";
import { useOnboardingSession } from "../src/hooks/use-onboarding-session.js";
import type { ConnectionDetails } from "../src/session/controller.js";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import { createControlledTransport } from "./controlled-transport.js";
import { SESSION_ID, snapshot } from "./fixtures.js";
import {
  deliverDataPacket,
  deliverTextStream,
  setConnectionState,
  setLocalParticipant,
  updateParticipant,
} from "./livekit-room.js";

/**
 * The widget creates real livekit-client Rooms; only `connect` (no LiveKit server runs here), the
 * microphone publish (no device in happy-dom) and the agent's RPC answers are stand-ins, set on
 * each Room the widget makes through a subclass.
 */
const lk = vi.hoisted(() => ({ rooms: [] as Room[], connect: vi.fn<(room: Room) => Promise<void>>() }));

vi.mock("livekit-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("livekit-client")>();
  class StandInRoom extends actual.Room {
    constructor(...args: ConstructorParameters<typeof actual.Room>) {
      super(...args);
      lk.rooms.push(this);
      this.connect = () => lk.connect(this);
      vi.spyOn(this.localParticipant, "setMicrophoneEnabled").mockResolvedValue(undefined);
      vi.spyOn(this.localParticipant, "performRpc").mockResolvedValue(JSON.stringify({ seq: 1 }));
    }
  }
  return { ...actual, Room: StandInRoom };
});

const ours = { [PARTICIPANT_ATTRIBUTE.sessionId]: SESSION_ID };
const details: ConnectionDetails = { serverUrl: "wss://livekit.invalid", participantToken: "token" };
let consoleError: ReturnType<typeof vi.spyOn>;

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** What a successful connect leaves: the token's identity and attributes, then Connected. */
async function connected(room: Room) {
  setLocalParticipant(room, "recruiter-1", ours);
  setConnectionState(room, ConnectionState.Connected);
}

function grantMicrophone() {
  const getUserMedia = vi.fn().mockResolvedValue({ getTracks: () => [{ stop: vi.fn() }] });
  vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia } });
}

const status = () => document.querySelector<HTMLElement>(".vo-status")?.dataset.state;
const click = (name: string) => act(async () => fireEvent.click(screen.getByRole("button", { name })));
/** True once nothing of the widget listens to the room any more. */
const unbound = (room: Room) =>
  room.listenerCount(RoomEvent.DataReceived) === 0 &&
  room.listenerCount(RoomEvent.ParticipantAttributesChanged) === 0;

function sessionHook(connection: () => ConnectionDetails | Promise<ConnectionDetails>) {
  const store = createOnboardingStore();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OnboardingProvider store={store} connection={{ tokenFetcher: async () => connection() }}>
      {children}
    </OnboardingProvider>
  );
  return { store, ...renderHook(() => useOnboardingSession(), { wrapper }) };
}

beforeEach(() => {
  lk.rooms.length = 0;
  lk.connect.mockReset().mockImplementation(connected);
  consoleError = vi.spyOn(console, "error");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("unmounting ends the session", () => {
  it("leaves the room <VoiceOnboarding/> created and unbinds from it, logging nothing", async () => {
    grantMicrophone();
    const { unmount } = render(<VoiceOnboarding tokenFetcher={async () => details} />);
    await click("Start conversation");
    await vi.waitFor(() => expect(status()).toBe("connected"));
    const [room] = lk.rooms;
    if (!room) throw new Error("no room was created");
    expect(room.localParticipant.setMicrophoneEnabled).toHaveBeenCalledWith(true);
    const leave = vi.spyOn(room, "disconnect");
    unmount();
    await vi.waitFor(() => expect(room.state).toBe(ConnectionState.Disconnected));
    expect(leave).toHaveBeenCalledOnce();
    expect(unbound(room)).toBe(true);
    expect(() => room.registerTextStreamHandler(DATA_TOPIC, () => {})).not.toThrow();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("under StrictMode stays idle on mount, starts once, and still ends the session on unmount", async () => {
    grantMicrophone();
    const tokenFetcher = vi.fn(async () => details);
    const { unmount } = render(
      <StrictMode>
        <VoiceOnboarding tokenFetcher={tokenFetcher} />
      </StrictMode>,
    );
    expect(status()).toBe("idle");
    await click("Start conversation");
    await vi.waitFor(() => expect(status()).toBe("connected"));
    expect(tokenFetcher).toHaveBeenCalledOnce();
    expect(lk.connect).toHaveBeenCalledOnce();
    const [room] = lk.rooms;
    unmount();
    await vi.waitFor(() => expect(room?.state).toBe(ConnectionState.Disconnected));
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("under StrictMode disconnects a custom transport on unmount", async () => {
    const { transport, controlled } = createControlledTransport();
    const disconnect = vi.spyOn(transport, "disconnect");
    const { unmount } = render(
      <StrictMode>
        <VoiceOnboarding transport={transport} />
      </StrictMode>,
    );
    expect(disconnect).not.toHaveBeenCalled();
    await click("Start conversation");
    expect(status()).toBe("connected");
    unmount();
    await vi.waitFor(() => expect(disconnect).toHaveBeenCalledOnce());
    expect(controlled.sink).toBeNull();
  });

  it("while a start waits for its token, creates and connects no room", async () => {
    grantMicrophone();
    const token = deferred<ConnectionDetails>();
    const tokenFetcher = vi.fn(() => token.promise);
    const { unmount } = render(<VoiceOnboarding tokenFetcher={tokenFetcher} />);
    await click("Start conversation");
    await vi.waitFor(() => expect(tokenFetcher).toHaveBeenCalledOnce());
    unmount();
    await act(async () => token.resolve(details));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lk.rooms).toEqual([]);
    expect(lk.connect).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe("text only", () => {
  it("textOnly: Start never asks for the microphone and publishes none", async () => {
    grantMicrophone();
    render(<VoiceOnboarding tokenFetcher={async () => details} textOnly />);
    await click("Start conversation");
    await vi.waitFor(() => expect(status()).toBe("connected"));
    expect(navigator.mediaDevices.getUserMedia).not.toHaveBeenCalled();
    expect(lk.rooms[0]?.localParticipant.setMicrophoneEnabled).not.toHaveBeenCalledWith(true);
    expect(screen.getByText("Text only: type your answers below.")).toBeTruthy();
  });
});

describe("a stop wins over a start in flight", () => {
  it("stopped while fetching the token: no room connects and the state stays disconnected", async () => {
    const token = deferred<ConnectionDetails>();
    const { store, result } = sessionHook(() => token.promise);
    let starting = Promise.resolve();
    act(() => {
      starting = result.current.start({ textOnly: true });
    });
    await vi.waitFor(() => expect(store.getState().connection.status).toBe("connecting"));
    await act(() => result.current.stop());
    token.resolve(details);
    await act(() => starting);
    expect(lk.connect).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({
      connection: { status: "disconnected", error: null },
      agentState: "disconnected",
      room: null,
    });
    // The controller starts again afterwards.
    await act(() => result.current.start({ textOnly: true }));
    expect(store.getState().connection.status).toBe("connected");
    expect(lk.connect).toHaveBeenCalledOnce();
  });

  it("stopped while the room connects: that room is left, and a new start is not disturbed by the old one", async () => {
    grantMicrophone();
    const joining = deferred<void>();
    lk.connect.mockImplementationOnce(() => joining.promise);
    const { store, result } = sessionHook(() => details);
    let starting = Promise.resolve();
    act(() => {
      starting = result.current.start();
    });
    await vi.waitFor(() => expect(lk.connect).toHaveBeenCalledOnce());
    const [first] = lk.rooms;
    if (!first) throw new Error("no room was created");
    const leave = vi.spyOn(first, "disconnect");
    await act(() => result.current.stop());
    expect(leave).toHaveBeenCalled();
    expect(unbound(first)).toBe(true);
    expect(store.getState()).toMatchObject({ connection: { status: "disconnected" }, room: null });

    await act(() => result.current.start());
    const second = lk.rooms[1];
    expect(store.getState()).toMatchObject({ connection: { status: "connected" }, room: second });
    joining.resolve();
    await act(() => starting);
    expect(first.localParticipant.setMicrophoneEnabled).not.toHaveBeenCalled();
    expect(second?.localParticipant.setMicrophoneEnabled).toHaveBeenCalledOnce();
    expect(store.getState()).toMatchObject({ connection: { status: "connected" }, room: second });
  });
});

describe("a room the host owns", () => {
  let room: Room;
  let published: LocalTrackPublication | undefined;
  const track = { kind: "audio" };

  beforeEach(() => {
    grantMicrophone();
    room = new Room();
    setLocalParticipant(room, "recruiter-1", ours);
    setConnectionState(room, ConnectionState.Connected);
    updateParticipant(room, "agent-1", {
      kind: ParticipantKind.AGENT,
      attributes: { ...ours, "lk.agent.state": "listening" },
    });
    published = undefined;
    vi.mocked(room.localParticipant.setMicrophoneEnabled).mockImplementation(async () => {
      published ??= { track, isMuted: false } as unknown as LocalTrackPublication;
      return published;
    });
    vi.spyOn(room.localParticipant, "getTrackPublication").mockImplementation(() => published);
    vi.spyOn(room.localParticipant, "unpublishTrack").mockImplementation(async () => {
      const was = published;
      published = undefined;
      return was;
    });
  });

  it("is bound on Start (messages, transcript, microphone) and left connected on Stop and unmount", async () => {
    const leave = vi.spyOn(room, "disconnect");
    const onProfileChange = vi.fn();
    const { unmount } = render(<VoiceOnboarding room={room} onProfileChange={onProfileChange} />);
    await click("Start conversation");
    expect(status()).toBe("connected");
    expect(document.querySelector<HTMLElement>(".vo-agent")?.dataset.state).toBe("listening");
    expect(room.localParticipant.setMicrophoneEnabled).toHaveBeenCalledWith(true);
    await act(async () => deliverTextStream(room, "agent-1", [encodeMessage(snapshot())]));
    await vi.waitFor(() => expect(onProfileChange).toHaveBeenCalledOnce());
    await act(async () =>
      deliverTextStream(room, "agent-1", ["Who owns hiring?"], "lk.transcription", {
        "lk.segment_id": "seg-1",
        "lk.transcription_final": "true",
      }),
    );
    expect(await screen.findByText("Who owns hiring?")).toBeTruthy();

    await click("End conversation");
    expect(room.localParticipant.unpublishTrack).toHaveBeenCalledWith(track, true);
    expect(unbound(room)).toBe(true);
    expect(status()).toBe("disconnected");

    await click("Start conversation");
    expect(status()).toBe("connected");
    unmount();
    await vi.waitFor(() => expect(room.localParticipant.unpublishTrack).toHaveBeenCalledTimes(2));
    expect(leave).not.toHaveBeenCalled();
    expect(room.state).toBe(ConnectionState.Connected);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("leaves a microphone the host had already published alone", async () => {
    published = { track, isMuted: false } as unknown as LocalTrackPublication;
    render(<VoiceOnboarding room={room} />);
    await click("Start conversation");
    await click("End conversation");
    expect(room.localParticipant.unpublishTrack).not.toHaveBeenCalled();
    expect(room.localParticipant.setMicrophoneEnabled).not.toHaveBeenCalledWith(false);
  });
});

describe("errors", () => {
  it("reach the host's onError once each", async () => {
    const onError = vi.fn();
    const store: OnboardingStore = createOnboardingStore();
    const { result } = renderHook(() => useOnboardingSession(), {
      wrapper: ({ children }) => (
        <OnboardingProvider store={store} connection={details} onError={onError}>
          {children}
        </OnboardingProvider>
      ),
    });
    await act(() => result.current.start({ textOnly: true }));
    const [room] = lk.rooms;
    if (!room) throw new Error("no room was created");
    updateParticipant(room, "agent-1", { kind: ParticipantKind.AGENT, attributes: ours });
    deliverDataPacket(room, "agent-1", "{not json");
    expect(onError).toHaveBeenCalledOnce();
  });
});
