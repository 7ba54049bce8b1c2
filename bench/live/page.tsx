/**
 * The live benchmark's page: `<VoiceOnboarding tokenFetcher/>` connected to a real livekit-server,
 * its token endpoint served by the bench (which creates the session in the store). Records, on the
 * machine's wall clock (CLOCK_REALTIME, the clock PostgreSQL's `now()` and Node's `Date.now()` read):
 * when Start was pressed, when the room connected, when each profile version reached the widget's
 * store and when the frame showing it was painted, and when the agent's opening line was painted.
 *
 * `?text-only`: the page answers the microphone request with "denied" before the widget loads, so
 * the recruiter continues with text only (no microphone track at all).
 */
import { DATA_TOPIC, type JobProfile } from "@voice-onboarding/protocol";
import { DEFAULT_CONTROL_LABELS, VoiceOnboarding } from "@voice-onboarding/widget";
import { Room, RoomEvent } from "livekit-client";
import { createRoot } from "react-dom/client";
import "../../packages/widget/src/styles/index.css";

/** What the page measured, every time in ms on the wall clock. */
export interface PageRecord {
  /** `Date.now() - (performance.timeOrigin + performance.now())`, measured at load (median of 50). */
  clockOffsetMs: number;
  startedAt: number | null;
  connectedAt: number | null;
  /** An agent participant joined the room (seen by livekit-client). */
  agentJoinedAt: number | null;
  /**
   * Per message seq: livekit-client opened the text stream carrying it (its header was processed and
   * the widget's handler called), and finished reading it (just before the widget decodes it).
   */
  streamOpened: Record<number, number>;
  /** Per message seq: the stream header's timestamp, set by the agent's rtc-node as it began sending. */
  streamSent: Record<number, number>;
  streamRead: Record<number, number>;
  /** Per profile version (= message seq): the store applied it (`onProfileChange`). */
  received: Record<number, number>;
  /** Per profile version: the frame after the card DOM changed was painted. */
  painted: Record<number, number>;
  /** Versions after which no card DOM changed within 60 frames (painted is then the last frame waited). */
  unchanged: number[];
  /** The real card grid (not its skeleton) with the company card painted. */
  snapshotPaintedAt: number | null;
  /** The agent's first transcript words painted. */
  openingPaintedAt: number | null;
  /** Calls of the token endpoint (more than one: the widget asked again for a missing agent). */
  tokenFetches: number;
  /** Data channel messages the page received, and main-thread tasks over 50 ms (count, total ms). */
  channelMessages: number;
  longTasks: { count: number; totalMs: number };
  errors: string[];
}

export interface LiveBenchApi {
  /** Presses Start (a `?text-only` page is text only from the start: no microphone is asked for). */
  pressStart(): Promise<void>;
  /** Presses End conversation. */
  pressStop(): void;
  /** Agent transcript entries marked final. */
  agentLinesFinal(): number;
  record(): PageRecord;
}

declare global {
  interface Window {
    liveBench: LiveBenchApi;
  }
}

const labels = DEFAULT_CONTROL_LABELS;
const textOnly = new URLSearchParams(location.search).has("text-only");
if (textOnly && navigator.mediaDevices) {
  navigator.mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException("The bench declines the microphone.", "NotAllowedError"));
}

function measureClockOffset(): number {
  const offsets: number[] = [];
  for (let i = 0; i < 50; i += 1) offsets.push(Date.now() - (performance.timeOrigin + performance.now()));
  offsets.sort((a, b) => a - b);
  return offsets[25] ?? 0;
}
const clockOffsetMs = measureClockOffset();
/** The wall clock at performance.now() resolution. */
const wall = () => performance.timeOrigin + performance.now() + clockOffsetMs;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** A task queued from a rAF callback runs once that frame's style, layout and paint are done. */
const afterPaint = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(wall());
    channel.port2.postMessage(null);
  });
const paintedFrame = async () => {
  await frame();
  return afterPaint();
};

const record: PageRecord = {
  clockOffsetMs,
  startedAt: null,
  connectedAt: null,
  agentJoinedAt: null,
  streamOpened: {},
  streamSent: {},
  streamRead: {},
  received: {},
  painted: {},
  unchanged: [],
  snapshotPaintedAt: null,
  openingPaintedAt: null,
  tokenFetches: 0,
  channelMessages: 0,
  longTasks: { count: 0, totalMs: 0 },
  errors: [],
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    record.longTasks.count += 1;
    record.longTasks.totalMs += entry.duration;
  }
}).observe({ type: "longtask" });

/** Counts the data channel messages livekit-client gets (it sets `onmessage` on the channels it reads). */
const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, "onmessage");
if (onmessage?.set && onmessage.get) {
  const { get, set } = onmessage;
  Object.defineProperty(RTCDataChannel.prototype, "onmessage", {
    configurable: true,
    enumerable: onmessage.enumerable ?? true,
    get() {
      return get.call(this);
    },
    set(handler: ((this: RTCDataChannel, event: MessageEvent) => unknown) | null) {
      set.call(
        this,
        handler &&
          function (this: RTCDataChannel, event: MessageEvent) {
            record.channelMessages += 1;
            return handler.call(this, event);
          },
      );
    },
  });
}

/**
 * Stamps the widget's protocol streams as livekit-client hands them over (and, on the room the widget
 * registers them with, when the agent joins): when the handler is
 * called (the stream's header is in) and when `readAll` resolves (the whole message is in).
 */
const register = Room.prototype.registerTextStreamHandler;
Room.prototype.registerTextStreamHandler = function (this: Room, topic, handler) {
  if (topic !== DATA_TOPIC) return register.call(this, topic, handler);
  this.on(RoomEvent.ParticipantConnected, (participant) => {
    if (participant.isAgent) record.agentJoinedAt ??= wall();
  });
  return register.call(this, topic, (reader, participant) => {
    const opened = wall();
    const readAll = reader.readAll.bind(reader);
    reader.readAll = async (...args: Parameters<typeof readAll>) => {
      const text = await readAll(...args);
      const read = wall();
      const seq = /"seq":(\d+)/.exec(text)?.[1];
      if (seq !== undefined) {
        record.streamOpened[Number(seq)] ??= opened;
        record.streamSent[Number(seq)] ??= reader.info.timestamp;
        record.streamRead[Number(seq)] ??= read;
      }
      return text;
    };
    return handler(reader, participant);
  });
};

const host: HTMLElement = document.getElementById("root") ?? document.body;

/** DOM changes inside the card grid, not counting style attributes (animations write those). */
let cardMutations = 0;
new MutationObserver((records) => {
  for (const mutation of records) {
    if (mutation.type === "attributes" && mutation.attributeName === "style") continue;
    const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
    if (target?.closest(".vo-profile-cards")) {
      cardMutations += 1;
      return;
    }
  }
}).observe(host, { subtree: true, childList: true, attributes: true, characterData: true });

/** Resolves with the painted time of the first frame after `ready()` holds (checked on every DOM change). */
function paintedWhen(ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      void paintedFrame().then(resolve);
    };
    const observer = new MutationObserver(() => {
      if (ready()) done();
    });
    observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true });
    if (ready()) done();
  });
}

const snapshotShown = () => host.querySelector(".vo-card--company") !== null;
const openingShown = () =>
  [...host.querySelectorAll('.vo-transcript__entry[data-speaker="agent"] .vo-transcript__text')].some(
    (text) => (text.textContent ?? "").trim() !== "",
  );

let lastVersion = -1;
function onProfileChange(profile: JobProfile) {
  const at = wall();
  const versions: number[] = [];
  for (let version = lastVersion + 1; version <= profile.version; version += 1) {
    record.received[version] = at;
    versions.push(version);
  }
  lastVersion = Math.max(lastVersion, profile.version);
  if (versions.includes(0)) return; // the snapshot is timed by snapshotShown
  const before = cardMutations;
  void (async () => {
    // React renders a store change in a microtask, so this is normally the first frame.
    let changed = false;
    for (let i = 0; i < 60 && !changed; i += 1) {
      await frame();
      changed = cardMutations > before;
    }
    const painted = await afterPaint();
    for (const version of versions) {
      record.painted[version] = painted;
      if (!changed) record.unchanged.push(version);
    }
  })();
}

async function tokenFetcher() {
  record.tokenFetches += 1;
  const response = await fetch("/token", { method: "POST" });
  if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
  return (await response.json()) as { serverUrl: string; participantToken: string };
}

const button = (name: string) =>
  [...host.querySelectorAll("button")].find((element) => element.textContent?.trim() === name);

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`page: no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

createRoot(host).render(
  <VoiceOnboarding
    tokenFetcher={tokenFetcher}
    // `?text-only`: the recruiter types (no microphone asked; the agent is told so).
    textOnly={new URLSearchParams(location.search).has("text-only")}
    theme="light"
    onProfileChange={onProfileChange}
    onConnectionChange={(status) => {
      if (status === "connected" && record.connectedAt === null) record.connectedAt = wall();
    }}
    onError={(error) => record.errors.push(`${error.kind}: ${error.message}`)}
  />,
);

window.liveBench = {
  async pressStart() {
    const start = await waitFor("Start button", () => button(labels.start));
    void paintedWhen(snapshotShown).then((at) => {
      record.snapshotPaintedAt = at;
    });
    void paintedWhen(openingShown).then((at) => {
      record.openingPaintedAt = at;
    });
    record.startedAt = wall();
    start.click();
  },
  pressStop() {
    button(labels.stop)?.click();
  },
  agentLinesFinal: () =>
    host.querySelectorAll('.vo-transcript__entry[data-speaker="agent"][data-final="true"]').length,
  record: () => structuredClone(record),
};
