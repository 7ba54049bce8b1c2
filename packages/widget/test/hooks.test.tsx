import { act, cleanup, render, renderHook, screen } from "@testing-library/react";
import { ConnectionState, Room } from "livekit-client";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OnboardingProvider } from "../src/hooks/onboarding-provider.js";
import { useOnboardingProfile } from "../src/hooks/use-onboarding-profile.js";
import { useOnboardingSession } from "../src/hooks/use-onboarding-session.js";
import { useOnboardingStore } from "../src/hooks/use-onboarding-store.js";
import { DEFAULT_CONTROL_LABELS } from "../src/session/labels.js";
import { Transcript } from "../src/session/transcript.js";
import { createOnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { createLiveKitTransport } from "../src/transport/livekit-transport.js";
import { createControlledTransport } from "./controlled-transport.js";
import { baseProfile, message, snapshot, traitCreated } from "./fixtures.js";
import { deliverTextStream, joinAgent, setConnectionState } from "./livekit-room.js";

afterEach(cleanup);

function CompanyName({ onRender }: { onRender: (name: string | undefined) => void }) {
  const name = useOnboardingProfile((profile) => profile?.company?.name);
  onRender(name);
  return <p>{name ?? "no company"}</p>;
}

describe("hooks", () => {
  it("tell the developer where they must be used", () => {
    expect(() => renderHook(() => useOnboardingStore())).toThrow(
      "`useOnboardingStore` must be used within `<VoiceOnboarding>` or `<OnboardingProvider>`",
    );
    expect(() => renderHook(() => useOnboardingProfile((profile) => profile))).toThrow(
      /useOnboardingProfile/,
    );
  });

  it("re-render a profile selector only when what it selects changes", () => {
    const store = createOnboardingStore();
    store.getState().receive(snapshot());
    const companyRenders = vi.fn();
    render(
      <OnboardingProvider store={store}>
        <CompanyName onRender={companyRenders} />
      </OnboardingProvider>,
    );
    act(() => void store.getState().receive(traitCreated(2, "t1", "Go")));
    expect(companyRenders).toHaveBeenCalledTimes(1);
    act(() => void store.getState().receive(message("company.updated", 3, { company: { name: "Acme" } })));
    expect(companyRenders).toHaveBeenCalledTimes(2);
    expect(screen.getByText("Acme")).toBeTruthy();
  });

  it("give the session state and its actions", async () => {
    const { transport, controlled } = createControlledTransport();
    const store = createOnboardingStore();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnboardingProvider store={store} connection={{ transport }}>
        {children}
      </OnboardingProvider>
    );
    const { result } = renderHook(() => useOnboardingSession(), { wrapper });
    expect(result.current.connection.status).toBe("idle");
    await act(() => result.current.start());
    expect(result.current.connection.status).toBe("connected");
    act(() => controlled.sink?.agentState("thinking"));
    expect(result.current.agentState).toBe("thinking");
    act(() => void controlled.sink?.message(snapshot(baseProfile())));
    await act(() => result.current.edit({ type: "field.confirm", data: { field: "job_title" } }));
    expect(store.getState().pendingEdits).not.toEqual({});
    await act(() => result.current.stop());
    expect(result.current.connection.status).toBe("disconnected");
  });
});

describe("session controller", () => {
  it("does not report a failure for a start the recruiter already stopped", async () => {
    let failConnect: (reason: Error) => void = () => {};
    const { transport } = createControlledTransport();
    transport.connect = () => new Promise((_, reject) => (failConnect = reject));
    const store = createOnboardingStore();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OnboardingProvider store={store} connection={{ transport }}>
        {children}
      </OnboardingProvider>
    );
    const { result } = renderHook(() => useOnboardingSession(), { wrapper });
    let starting: Promise<void> = Promise.resolve();
    act(() => {
      starting = result.current.start({ textOnly: true });
    });
    await vi.waitFor(() => expect(store.getState().connection.status).toBe("connecting"));
    await act(() => result.current.stop());
    failConnect(new Error("room closed while connecting"));
    await act(() => starting);
    expect(store.getState().connection).toEqual({ status: "disconnected", error: null });
  });
});

describe("transcriptions with a real Room", () => {
  it("the LiveKit transport copies the agent's transcription streams into the transcript", async () => {
    const room = new Room();
    // No server here: the snapshot the transport asks the agent for must not reach the engine
    // (livekit-client rejects inside it, unhandled, once the room is gone).
    vi.spyOn(room.localParticipant, "performRpc").mockResolvedValue(JSON.stringify({ seq: 1 }));
    joinAgent(room);
    setConnectionState(room, ConnectionState.Connected);
    const store = createOnboardingStore();
    const transport = createLiveKitTransport({ room });
    transport.connect(sinkForStore(store));
    render(
      <OnboardingProvider store={store}>
        <Transcript labels={DEFAULT_CONTROL_LABELS} />
      </OnboardingProvider>,
    );
    await act(async () => {
      deliverTextStream(room, "agent-1", ["What does the team ", "ship?"], "lk.transcription", {
        "lk.segment_id": "seg-1",
        "lk.transcription_final": "false",
      });
    });
    // The stream's end is the segment's end (agents-js sends a segment's deltas in one stream).
    await vi.waitFor(() =>
      expect(store.getState().transcript).toMatchObject([
        { id: "seg-1", speaker: "agent", text: "What does the team ship?", final: true },
      ]),
    );
    expect(screen.getByText("What does the team ship?")).toBeTruthy();
    await transport.disconnect();
  });
});
