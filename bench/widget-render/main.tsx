/**
 * The render benchmark's page: mounts `<VoiceOnboarding transport>` with a transport the page drives,
 * feeds it agent messages one per frame and times each from arrival to the frame painted.
 * With `?count`, a DevTools-style hook (installed by the HTML before React loads) counts which card
 * and item components React rendered per message; that pass is not timed.
 */
import type { EditResult, JobProfile, MessageType, ProtocolMessage } from "@voice-onboarding/protocol";
import { type Transport, type TransportSink, VoiceOnboarding } from "@voice-onboarding/widget";
import { Profiler } from "react";
import { createRoot } from "react-dom/client";
import { CompanyCard } from "../../packages/widget/src/cards/company-card.js";
import { CompletionView } from "../../packages/widget/src/cards/completion-card.js";
// The grid the widget loads lazily, imported directly: the bench measures updates, not loading.
import StoreCardGrid from "../../packages/widget/src/cards/connected/store-cards.js";
import { NuanceItem } from "../../packages/widget/src/cards/nuance-item.js";
import { NuancesCard } from "../../packages/widget/src/cards/nuances-card.js";
import { RequirementRow } from "../../packages/widget/src/cards/requirements/requirement-row.js";
import { RequirementsCard } from "../../packages/widget/src/cards/requirements/requirements-card.js";
import { StageItem } from "../../packages/widget/src/cards/stage-item.js";
import { StagesCard } from "../../packages/widget/src/cards/stages-card.js";
import { TraitItem } from "../../packages/widget/src/cards/trait-item.js";
import { TraitsCard } from "../../packages/widget/src/cards/traits-card.js";
import "../../packages/widget/src/styles/index.css";
import { benchProfile, cardOf, messageMix, type ProfileSize, snapshotMessage } from "./messages.js";

/** The fields of a React fiber the counter reads (React internals, stable since React 17). */
interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}
interface FiberRoot {
  current: Fiber;
}

/** React sets this flag on a function component's fiber when its body ran. */
const PERFORMED_WORK = 1;

/**
 * A `memo()` component's body runs in a fiber whose type is the wrapped function, so count that.
 * The widget renders the store-driven grid; each card's DOM comes from the plain card it wraps
 * (the completion card's from `CompletionView`).
 */
const bodyOf = (component: unknown): unknown =>
  typeof component === "object" && component !== null && "type" in component ? component.type : component;

const COMPONENTS = new Map<unknown, string>(
  (
    [
      [StoreCardGrid, "ProfileCards"],
      [CompletionView, "completion"],
      [CompanyCard, "company"],
      [RequirementsCard, "requirements"],
      [TraitsCard, "traits"],
      [StagesCard, "stages"],
      [NuancesCard, "nuances"],
      [TraitItem, "TraitItem"],
      [StageItem, "StageItem"],
      [NuanceItem, "NuanceItem"],
      [RequirementRow, "RequirementRow"],
    ] as const
  ).map(([component, name]) => [bodyOf(component), name]),
);

export interface MessageSample {
  type: MessageType;
  card: string;
  /** From `receive` to the frame's main-thread work done (after style, layout, paint). */
  paintedMs: number;
  /** From `receive` to the DOM mutated (React committed). */
  committedMs: number;
  /** React's own time for the commits of this message (Profiler actualDuration). */
  reactMs: number;
  /** Whether the card the message is about changed in the DOM. */
  cardChanged: boolean;
}

export interface CountResult {
  messages: number;
  /** Messages per card (what a perfect widget would re-render). */
  expected: Record<string, number>;
  /** Renders per component over all messages. */
  renders: Record<string, number>;
  /** Messages after which the card's DOM changed. */
  domChanged: Record<string, number>;
}

export interface BenchApi {
  /** Frames with nothing delivered: what this browser and machine charge for a frame of the page. */
  idle(size: ProfileSize, count: number): Promise<number[]>;
  timed(size: ProfileSize, count: number, warmup: number, gapMs: number): Promise<MessageSample[]>;
  counted(size: ProfileSize, count: number, warmup: number, gapMs: number): Promise<CountResult>;
}

declare global {
  interface Window {
    bench: BenchApi;
    /** Set by the page's HTML in count mode; called by React on every commit. */
    __benchCommit?: (root: FiberRoot) => void;
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A task queued from a rAF callback runs once the frame's style, layout and paint are done. */
const afterPaint = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });

let reactMs = 0;
const host: HTMLElement = document.getElementById("root") ?? document.body;
const root = createRoot(host);

/** Mounts a fresh widget, presses Start and loads the profile; resolves with the sink. */
async function mount(profile: JobProfile): Promise<TransportSink> {
  let connected: (sink: TransportSink) => void = () => {};
  const sinkReady = new Promise<TransportSink>((resolve) => {
    connected = resolve;
  });
  const transport: Transport = {
    connect(sink) {
      sink.connection("connected");
      sink.agentState("listening");
      connected(sink);
    },
    async requestSnapshot() {},
    sendEdit: async (command): Promise<EditResult> => ({
      ok: false,
      commandId: command.commandId,
      error: { code: "unavailable", message: "bench" },
    }),
    async sendText() {},
    disconnect() {},
  };
  root.render(null);
  await frame();
  root.render(
    <Profiler
      id="widget"
      onRender={(_id, _phase, actualDuration) => {
        reactMs += actualDuration;
      }}
    >
      <VoiceOnboarding transport={transport} theme="light" />
    </Profiler>,
  );
  await frame();
  const start = [...host.querySelectorAll("button")].find((button) =>
    /start/i.test(button.textContent ?? ""),
  );
  if (start === undefined) throw new Error("no Start button");
  start.click();
  const sink = await sinkReady;
  if (sink.message(snapshotMessage(profile)) !== "applied") throw new Error("snapshot not applied");
  // Let LazyMotion load its features and the first render settle.
  await sleep(300);
  return sink;
}

/** Names of the cards whose DOM subtree the records touched. */
function cardsIn(records: readonly MutationRecord[]): Set<string> {
  const cards = new Set<string>();
  for (const record of records) {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const card = target?.closest(".vo-card");
    const name = [...(card?.classList ?? [])].find((name) => name.startsWith("vo-card--"));
    if (name) cards.add(name.slice("vo-card--".length));
  }
  return cards;
}

async function prepare(size: ProfileSize, count: number, warmup: number) {
  const profile = benchProfile(size);
  const messages = messageMix(profile, warmup + count);
  const sink = await mount(profile);
  return { sink, messages };
}

function deliver(sink: TransportSink, message: ProtocolMessage) {
  const status = sink.message(message);
  if (status !== "applied") throw new Error(`${message.type} #${message.seq}: ${status}`);
}

window.bench = {
  async idle(size, count) {
    await prepare(size, 0, 0);
    const samples: number[] = [];
    for (let index = 0; index < count; index += 1) {
      await frame();
      const began = performance.now();
      samples.push((await afterPaint()) - began);
    }
    return samples;
  },

  async timed(size, count, warmup, gapMs) {
    const { sink, messages } = await prepare(size, count, warmup);
    const samples: MessageSample[] = [];
    for (const [index, message] of messages.entries()) {
      const card = cardOf(message.type);
      let committed = Number.NaN;
      let records: MutationRecord[] = [];
      const observer = new MutationObserver((batch) => {
        if (Number.isNaN(committed)) committed = performance.now();
        records = records.concat(batch);
      });
      observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
      await frame();
      // Only what this message causes: drop mutations of earlier animations.
      observer.takeRecords();
      records = [];
      committed = Number.NaN;
      reactMs = 0;
      const began = performance.now();
      deliver(sink, message);
      const painted = await afterPaint();
      records = records.concat(observer.takeRecords());
      observer.disconnect();
      if (index >= warmup) {
        samples.push({
          type: message.type,
          card,
          paintedMs: painted - began,
          committedMs: committed - began,
          reactMs,
          cardChanged: cardsIn(records).has(card),
        });
      }
      await sleep(gapMs);
    }
    return samples;
  },

  async counted(size, count, warmup, gapMs) {
    const renders: Record<string, number> = {};
    const domChanged: Record<string, number> = {};
    const expected: Record<string, number> = {};
    let counting = false;
    const seen = new WeakSet<Fiber>();
    window.__benchCommit = (fiberRoot) => {
      const stack: Fiber[] = [fiberRoot.current];
      for (let fiber = stack.pop(); fiber !== undefined; fiber = stack.pop()) {
        // The other copy of this fiber is no longer the committed one: it may render again later.
        if (fiber.alternate) seen.delete(fiber.alternate);
        const name = COMPONENTS.get(fiber.type);
        if (name && (fiber.flags & PERFORMED_WORK) !== 0 && !seen.has(fiber)) {
          seen.add(fiber);
          if (counting) renders[name] = (renders[name] ?? 0) + 1;
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
    };
    const { sink, messages } = await prepare(size, count, warmup);
    for (const [index, message] of messages.entries()) {
      counting = index >= warmup;
      let records: MutationRecord[] = [];
      const observer = new MutationObserver((batch) => {
        records = records.concat(batch);
      });
      observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
      await frame();
      deliver(sink, message);
      await afterPaint();
      // Commits that follow (exit animations ending) belong to this message too.
      await sleep(gapMs);
      const changed = cardsIn(records.concat(observer.takeRecords()));
      observer.disconnect();
      if (!counting) continue;
      const card = cardOf(message.type);
      expected[card] = (expected[card] ?? 0) + 1;
      for (const name of changed) domChanged[name] = (domChanged[name] ?? 0) + 1;
    }
    window.__benchCommit = undefined;
    return { messages: count, expected, renders, domChanged };
  },
};
