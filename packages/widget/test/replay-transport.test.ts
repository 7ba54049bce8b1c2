import type { ProtocolMessage } from "@voice-onboarding/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fullIntake from "../../../examples/recordings/full-intake.recording.json";
import { es } from "../src/i18n/es.js";
import { createOnboardingStore } from "../src/store/create-store.js";
import { sinkForStore } from "../src/store/sink.js";
import { type RecordedEntry, recordingFromReplay } from "../src/transport/recording.js";
import { createReplayTransport } from "../src/transport/replay-transport.js";
import { snapshot, traitCreated } from "./fixtures.js";

const replayOutput = { messages: [snapshot(), traitCreated(2, "t1", "Go"), traitCreated(3, "t2", "Rust")] };
/** Paced as the agent's replay clock paces a call: speaking time between turns, a beat per message. */
const later = (message: ProtocolMessage, byMs: number) => ({
  ...message,
  at: new Date(Date.parse(snapshot().at) + byMs).toISOString(),
});
const withTranscript = {
  messages: [
    snapshot(),
    later(traitCreated(2, "t1", "Go"), 2400),
    later(traitCreated(3, "t2", "Rust"), 4400),
  ],
  opening: "Hi Ada!",
  transcript: [
    { turn: 0, role: "user", text: "We need Go." },
    { turn: 0, role: "assistant", text: "Noted: Go." },
    { turn: 1, role: "user", text: "And Rust." },
    { turn: 1, role: "assistant", text: "Rust too." },
  ],
};

/** Lines as "speaker: text", messages as their type and seq, in playing order. */
const outline = (recording: readonly RecordedEntry[]) =>
  recording.map((entry) =>
    "message" in entry
      ? `${entry.message.type} ${entry.message.seq}`
      : `${entry.line.speaker}: ${entry.line.text}`,
  );

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("recordingFromReplay", () => {
  it("keeps the agent's pacing from each message's time, shortening long pauses", () => {
    const recording = recordingFromReplay(replayOutput, { maxDelayMs: 500 });
    expect(recording.map((item) => item.delayMs)).toEqual([0, 500, 500]);
    expect(recording.map((item) => item.message.seq)).toEqual([1, 2, 3]);
  });

  it("puts each turn's recruiter line before its messages and the agent's answer after them", () => {
    expect(outline(recordingFromReplay(withTranscript))).toEqual([
      "profile.snapshot 1",
      "agent: Hi Ada!",
      "recruiter: We need Go.",
      "trait.created 2",
      "agent: Noted: Go.",
      "recruiter: And Rust.",
      "trait.created 3",
      "agent: Rust too.",
    ]);
  });

  it("finds the turn of every message of the agent's full intake", () => {
    const recording = recordingFromReplay(fullIntake);
    const lines = recording.filter((entry) => "line" in entry);
    expect(lines).toHaveLength(fullIntake.transcript.length + 1);
    expect(recording.filter((entry) => "message" in entry)).toHaveLength(fullIntake.messages.length);
    // A turn has messages exactly when one of its tool calls succeeded.
    let turn = -1;
    const turnsWithMessages = new Set<number>();
    for (const entry of recording) {
      if ("line" in entry && entry.line.speaker === "recruiter") turn += 1;
      if ("message" in entry && turn >= 0) turnsWithMessages.add(turn);
    }
    const turnsWithToolCalls = new Set(fullIntake.toolResults.filter((r) => !r.isError).map((r) => r.turn));
    expect([...turnsWithMessages]).toEqual([...turnsWithToolCalls]);
  });

  it("rejects a transcript line of unknown role", () => {
    const replay = { ...withTranscript, transcript: [{ turn: 0, role: "narrator", text: "Meanwhile" }] };
    expect(() => recordingFromReplay(replay)).toThrow(/transcript entry 0 has an unknown role/);
  });

  it("names the message that is invalid", () => {
    expect(() => recordingFromReplay({ messages: [snapshot(), { type: "nope" }] })).toThrow(
      /replay message 1/,
    );
  });
});

describe("createReplayTransport", () => {
  const recording = recordingFromReplay(replayOutput, { maxDelayMs: 1000 });

  it("plays the recording in order on its timers", () => {
    const store = createOnboardingStore();
    createReplayTransport({ recording, speed: 2 }).connect(sinkForStore(store));
    expect(store.getState().connection.status).toBe("connected");
    vi.advanceTimersByTime(0);
    expect(store.getState().profile?.version).toBe(1);
    vi.advanceTimersByTime(499);
    expect(store.getState().profile?.traits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go"]);
    vi.advanceTimersByTime(500);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go", "Rust"]);
    expect(store.getState().agentState).toBe("listening");
  });

  it("plays entries recorded at the same moment in one task (a finished call is one render)", () => {
    const atOnce = recordingFromReplay(fullIntake).map((entry) => ({ ...entry, delayMs: 0 }));
    const store = createOnboardingStore();
    const versionsSeen: number[] = [];
    store.subscribe((state) => versionsSeen.push(state.profile?.version ?? -1));
    createReplayTransport({ recording: atOnce }).connect(sinkForStore(store));
    // One timer for the whole call, not one per entry.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(vi.getTimerCount()).toBe(0);
    expect(store.getState().profile?.version).toBe(fullIntake.messages.at(-1)?.seq);
    expect(store.getState().profile?.status).toBe("completed");
    expect(versionsSeen.at(-1)).toBe(fullIntake.messages.at(-1)?.seq);
  });

  it("answers a snapshot request with the state at the current position", async () => {
    const transport = createReplayTransport({ recording });
    const first = createOnboardingStore();
    transport.connect(sinkForStore(first));
    vi.advanceTimersByTime(1000);
    transport.disconnect();
    const late = createOnboardingStore();
    transport.connect(sinkForStore(late));
    await transport.requestSnapshot();
    expect(late.getState().profile?.version).toBe(2);
    expect(late.getState().profile?.traits.map((t) => t.name)).toEqual(["Go"]);
  });

  it("confirms edits locally and keeps playing on top of them", async () => {
    const store = createOnboardingStore();
    const transport = createReplayTransport({ recording });
    transport.connect(sinkForStore(store));
    vi.advanceTimersByTime(1000);
    const command = store
      .getState()
      .beginEdit({ type: "trait.update", data: { traitId: "t1", name: "Golang" } });
    store.getState().settleEdit(await transport.sendEdit(command));
    expect(store.getState().pendingEdits).toEqual({});
    expect(store.getState().confirmedProfile?.traits.map((t) => t.name)).toEqual(["Golang"]);
    vi.advanceTimersByTime(1000);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Golang", "Rust"]);
    expect(store.getState().profile?.version).toBe(4);
  });

  it("refuses an edit of another session in the store's language, and announces the rollback in it", async () => {
    const store = createOnboardingStore({ messages: es });
    const transport = createReplayTransport({ recording });
    transport.connect(sinkForStore(store));
    vi.advanceTimersByTime(1000);
    const command = store.getState().beginEdit({ type: "trait.delete", data: { traitId: "t1" } });
    const result = await transport.sendEdit({ ...command, sessionId: "another-session" });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found", message: es.editNoProfile } });
    store.getState().settleEdit(result);
    expect(store.getState().announcement?.text).toBe(`No se guardó el cambio: ${es.editNoProfile}`);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go"]);
  });

  it("resumes at startAt: a widget that connects gets the state there as a snapshot, then the rest", () => {
    const store = createOnboardingStore();
    createReplayTransport({ recording, startAt: 2 }).connect(sinkForStore(store));
    expect(store.getState().profile?.version).toBe(2);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go"]);
    expect(store.getState().announcement?.text).toBe("Profile loaded");
    vi.advanceTimersByTime(1000);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go", "Rust"]);
  });

  it("reports how many messages have played, for a host to resume from", () => {
    const positions: number[] = [];
    const transport = createReplayTransport({ recording, startAt: 1, onPosition: (p) => positions.push(p) });
    transport.connect(sinkForStore(createOnboardingStore()));
    vi.advanceTimersByTime(5000);
    expect(positions).toEqual([2, 3]);
  });

  it("plays transcript lines into the Conversation panel through the sink, in turn order", () => {
    const store = createOnboardingStore();
    createReplayTransport({ recording: recordingFromReplay(withTranscript) }).connect(sinkForStore(store));
    vi.advanceTimersByTime(1000);
    expect(store.getState().transcript.map((entry) => entry.text)).toEqual(["Hi Ada!"]);
    expect(store.getState().profile?.traits).toEqual([]);
    vi.advanceTimersByTime(10_000);
    const transcript = store.getState().transcript;
    expect(transcript.map((entry) => [entry.speaker, entry.text])).toEqual([
      ["agent", "Hi Ada!"],
      ["recruiter", "We need Go."],
      ["agent", "Noted: Go."],
      ["recruiter", "And Rust."],
      ["agent", "Rust too."],
    ]);
    expect(transcript.every((entry) => entry.final)).toBe(true);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go", "Rust"]);
  });

  it("sends a snapshot when the widget missed a message", () => {
    const store = createOnboardingStore();
    const sink = sinkForStore(store);
    // Loses seq 2 on the way, the way a dropped packet would.
    const lossy = {
      ...sink,
      message: (message: ProtocolMessage) => (message.seq === 2 ? "applied" : sink.message(message)),
    } as const;
    createReplayTransport({ recording }).connect(lossy);
    vi.advanceTimersByTime(5000);
    expect(store.getState().profile?.version).toBe(3);
    expect(store.getState().profile?.traits.map((t) => t.name)).toEqual(["Go", "Rust"]);
  });
});
