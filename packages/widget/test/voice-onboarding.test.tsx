import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFromReplay } from "../src/transport/recording.js";
import { createReplayTransport } from "../src/transport/replay-transport.js";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import { createControlledTransport } from "./controlled-transport.js";
import { baseProfile, message, snapshot, stage, trait, traitCreated } from "./fixtures.js";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const start = () => fireEvent.click(screen.getByRole("button", { name: "Start conversation" }));
const status = () => screen.getAllByRole("status").find((node) => node.classList.contains("vo-status"));

describe("<VoiceOnboarding/> connection states", () => {
  it("does not connect until Start, then shows connected", async () => {
    const { transport, controlled } = createControlledTransport();
    const onConnectionChange = vi.fn();
    render(<VoiceOnboarding transport={transport} onConnectionChange={onConnectionChange} />);
    expect(controlled.connects).toBe(0);
    expect(status()?.dataset.state).toBe("idle");
    await act(async () => start());
    expect(controlled.connects).toBe(1);
    expect(status()?.dataset.state).toBe("connected");
    expect(onConnectionChange).toHaveBeenLastCalledWith("connected", null);
    expect(screen.getByRole("button", { name: "End conversation" })).toBeTruthy();
  });

  it.each([
    ["connecting", "Connecting…"],
    ["reconnecting", "Reconnecting…"],
    ["disconnected", "Disconnected"],
  ] as const)("shows %s", async (state, words) => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} />);
    await act(async () => start());
    act(() => controlled.sink?.connection(state));
    expect(status()?.dataset.state).toBe(state);
    expect(status()?.textContent).toContain(words);
  });

  it("shows a failure with its reason and retries on request", async () => {
    const { transport, controlled } = createControlledTransport({ failConnect: "token service down" });
    render(<VoiceOnboarding transport={transport} />);
    await act(async () => start());
    expect(status()?.dataset.state).toBe("failed");
    expect(status()?.textContent).toContain("token service down");
    controlled.failConnect = undefined;
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Try again" })));
    expect(controlled.connects).toBe(2);
    expect(status()?.dataset.state).toBe("connected");
  });

  it("fails with a clear message when the token fetcher fails, asking for the microphone first", async () => {
    const getUserMedia = vi.fn().mockResolvedValue({ getTracks: () => [{ stop: vi.fn() }] });
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia } });
    const tokenFetcher = vi.fn().mockRejectedValue(new Error("401 from /api/token"));
    render(<VoiceOnboarding tokenFetcher={tokenFetcher} />);
    expect(getUserMedia).not.toHaveBeenCalled();
    await act(async () => start());
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(tokenFetcher).toHaveBeenCalledOnce();
    expect(status()?.textContent).toContain("401 from /api/token");
  });

  it("explains a blocked microphone and offers text only", async () => {
    const denied = Object.assign(new Error("Permission denied"), { name: "NotAllowedError" });
    vi.stubGlobal("navigator", {
      ...navigator,
      mediaDevices: { getUserMedia: vi.fn().mockRejectedValue(denied) },
    });
    const { transport, controlled } = createControlledTransport({ withMicrophone: true });
    render(<VoiceOnboarding transport={transport} />);
    await act(async () => start());
    const help = screen.getByTestId("vo-microphone-denied");
    for (const browser of ["Chrome", "Firefox", "Safari"])
      expect(within(help).getByText(browser)).toBeTruthy();
    expect(controlled.connects).toBe(0);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Continue with text only" })));
    expect(controlled.connects).toBe(1);
    expect(controlled.microphone).toEqual([]);
    expect(screen.getByText("Text only: type your answers below.")).toBeTruthy();
  });
});

describe("<VoiceOnboarding/> agent states, transcript and text input", () => {
  it.each([
    ["listening", "Listening"],
    ["thinking", "Thinking"],
    ["speaking", "Speaking"],
  ] as const)("shows the agent %s", async (state, words) => {
    const { transport, controlled } = createControlledTransport();
    const { container } = render(<VoiceOnboarding transport={transport} />);
    await act(async () => start());
    act(() => controlled.sink?.agentState(state));
    const agent = container.querySelector<HTMLElement>(".vo-agent");
    expect(agent?.dataset.state).toBe(state);
    expect(agent?.textContent).toContain(words);
    expect(agent?.querySelector(".lk-audio-bar-visualizer")).toBeTruthy();
  });

  it("sends typed text and shows both sides of the conversation", async () => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} />);
    const input = screen.getByRole("textbox", { name: "Type a message" }) as HTMLInputElement;
    expect(input.disabled).toBe(true);
    await act(async () => start());
    fireEvent.change(input, { target: { value: "We need Kafka" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Send" })));
    expect(controlled.sentTexts).toEqual(["We need Kafka"]);
    expect(input.value).toBe("");
    act(() =>
      controlled.sink?.transcript({ id: "a1", speaker: "agent", text: "Noted.", final: true, at: 1 }),
    );
    act(() =>
      controlled.sink?.transcript({ id: "u1", speaker: "recruiter", text: "Thanks", final: true, at: 2 }),
    );
    const entries = screen.getByRole("list").querySelectorAll("li");
    expect([...entries].map((entry) => entry.dataset.speaker)).toEqual(["agent", "recruiter"]);
    expect(screen.queryByText(/^Not delivered/)).toBeNull();
    // The transport marks a line the agent never received.
    act(() =>
      controlled.sink?.transcript({
        id: "u1",
        speaker: "recruiter",
        text: "Thanks",
        final: true,
        at: 2,
        undelivered: true,
      }),
    );
    expect(screen.getByText("Not delivered: check the connection and send it again.")).toBeTruthy();
  });
});

describe("<VoiceOnboarding/> cards", () => {
  const recording = recordingFromReplay({
    messages: [
      snapshot(baseProfile({ traits: [trait("t1", "Go")] })),
      traitCreated(2, "t2", "Distributed Systems"),
    ],
  });

  it("shows cards from the replay, announces changes and reports them to the host", async () => {
    vi.useFakeTimers();
    const onProfileChange = vi.fn();
    render(
      <VoiceOnboarding
        transport={createReplayTransport({ recording })}
        onProfileChange={onProfileChange}
        theme="dark"
      />,
    );
    await act(async () => start());
    await act(async () => vi.advanceTimersByTime(3000));
    // The cards load in their own chunk: wait for it (vi.waitFor moves the fake clock as it polls);
    // importing it takes over a second when the machine is busy.
    await vi.waitFor(() => expect(screen.getByText("Distributed Systems")).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByTestId("vo-announcer").textContent).toBe("Added trait: Distributed Systems");
    expect(onProfileChange).toHaveBeenLastCalledWith(expect.objectContaining({ version: 2 }));
    expect(document.querySelector(".vo-root")?.getAttribute("data-theme")).toBe("dark");
  });

  it("sends a card edit through the transport and rolls it back when refused", async () => {
    const { transport, controlled } = createControlledTransport();
    controlled.answerEdit = (commandId) => ({
      ok: false,
      commandId,
      error: { code: "forbidden", message: "Locked by the agent." },
    });
    render(<VoiceOnboarding transport={transport} />);
    await act(async () => start());
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    const deleteGo = await screen.findByRole("button", { name: "Delete Go" }, { timeout: 5000 });
    await act(async () => fireEvent.click(deleteGo));
    expect(screen.getByText("Go")).toBeTruthy();
    expect(screen.getByTestId("vo-announcer").textContent).toBe("Edit not saved: Locked by the agent.");
  });

  it("tells the host when onboarding completes", async () => {
    const { transport, controlled } = createControlledTransport();
    const onComplete = vi.fn();
    render(<VoiceOnboarding transport={transport} onComplete={onComplete} />);
    await act(async () => start());
    const complete = baseProfile({
      requirements: {
        jobTitle: "Staff Engineer",
        workplaceType: "remote",
        experienceMinYears: 5,
        compensation: { min: 180000, currency: "USD", interval: "year" },
        visaSponsorship: false,
        equityOffered: true,
      },
      traits: [trait("t1", "Go")],
      stages: [stage("s1", "Screen", 1)],
    });
    act(() => void controlled.sink?.message(snapshot(complete)));
    expect(onComplete).not.toHaveBeenCalled();
    act(() => void controlled.sink?.message(message("onboarding.completed", 2, {})));
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ status: "completed", version: 2 }));
    expect(screen.getByTestId("vo-announcer").textContent).toBe("Onboarding complete");
  });

  it("does not report completion again for a session that loads already complete", async () => {
    const { transport, controlled } = createControlledTransport();
    const onComplete = vi.fn();
    render(<VoiceOnboarding transport={transport} onComplete={onComplete} />);
    await act(async () => start());
    act(() => void controlled.sink?.message(snapshot(baseProfile({ status: "completed" }))));
    expect(onComplete).not.toHaveBeenCalled();
  });

  it("gives the host the reason with a failed connection", async () => {
    const { transport, controlled } = createControlledTransport();
    const onConnectionChange = vi.fn();
    render(<VoiceOnboarding transport={transport} onConnectionChange={onConnectionChange} />);
    await act(async () => start());
    act(() => controlled.sink?.connection("failed", "The server closed the room."));
    expect(onConnectionChange).toHaveBeenLastCalledWith("failed", "The server closed the room.");
  });

  it("shows the cards without edit controls when read-only", async () => {
    const { transport, controlled } = createControlledTransport();
    const { rerender } = render(<VoiceOnboarding transport={transport} readOnly />);
    await act(async () => start());
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    await vi.waitFor(() => expect(screen.getByText("Go")).toBeTruthy(), { timeout: 5000 });
    expect(screen.queryAllByRole("button", { name: /edit|delete/i })).toEqual([]);
    rerender(<VoiceOnboarding transport={transport} />);
    expect(screen.getAllByRole("button", { name: /edit/i }).length).toBeGreaterThan(0);
  });

  it("shows only the cards the host names, in its order", async () => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} cards={["traits", "completion"]} />);
    await act(async () => start());
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    await vi.waitFor(() => expect(screen.getByText("Go")).toBeTruthy(), { timeout: 5000 });
    const shown = [...document.querySelectorAll(".vo-card")].map(
      (card) => card.className.match(/vo-card--(\w+)/)?.[1],
    );
    expect(shown).toEqual(["traits", "completion"]);
  });

  it("puts its headings at the host's level", async () => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} headingLevel={4} />);
    await act(async () => start());
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    await vi.waitFor(() => expect(screen.getByText("Go")).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByText("Go").tagName).toBe("H6");
    expect(document.querySelector(".vo-card--traits .vo-card__title")?.tagName).toBe("H4");
    expect(document.querySelector(".vo-transcript__title")?.tagName).toBe("H4");
    expect(document.querySelectorAll("h2")).toHaveLength(0);
  });

  it("keeps two widgets on one page apart", async () => {
    const first = createControlledTransport();
    const second = createControlledTransport();
    const { container } = render(
      <>
        <VoiceOnboarding transport={first.transport} />
        <VoiceOnboarding transport={second.transport} />
      </>,
    );
    const [firstStart] = screen.getAllByRole("button", { name: "Start conversation" });
    await act(async () => firstStart && fireEvent.click(firstStart));
    act(() => void first.controlled.sink?.message(snapshot()));
    const roots = container.querySelectorAll(".vo-root");
    expect(roots[0]?.querySelector(".vo-status")?.getAttribute("data-state")).toBe("connected");
    expect(roots[1]?.querySelector(".vo-status")?.getAttribute("data-state")).toBe("idle");
    expect(roots[0]?.querySelector(".vo-profile-cards")).toBeTruthy();
    expect(roots[1]?.querySelector(".vo-profile-cards")).toBeNull();
    expect(second.controlled.connects).toBe(0);
  });
});
