/** 1. Tool call committed → card painted in Chromium: the script typed into the widget, text only. */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import type { Browser } from "@playwright/test";
import { percentile, printTable, stats, timingRow } from "../table.js";
import { sleep, until } from "./clock.js";
import type { LiveBench } from "./context.js";
import { committedAt } from "./sessions.js";
import { ms } from "./units.js";
import { openPage, type PageServer, pageRecord, stopPage } from "./widget-page.js";

export interface UiResult {
  painted: number[];
  received: number[];
  renderOnly: number[];
  /** Committed → livekit-client opened the message's text stream; → read it whole; → applied in the store. */
  opened: number[];
  /** Committed → the agent began sending its text stream (the header's timestamp); → opened in the page. */
  sent: number[];
  sentToOpened: number[];
  read: number[];
  readToApplied: number[];
  channelMessages: number;
  longTasks: { count: number; totalMs: number };
  unchanged: number;
  missing: number;
  stalls: number;
  tokenFetches: number;
  errors: string[];
}

export interface UiOptions {
  /** Intakes to type, one after the other, each a new session. */
  sessions: number;
  /** Where to write a Chromium CPU profile of the page, if anywhere. */
  cpuProfile: string | undefined;
  /** Where to write a Chromium performance trace of the intake (chrome://tracing, Perfetto), if anywhere. */
  trace: string | undefined;
  /** Extra CSS for the page (BENCH_LIVE_PAGE_CSS). */
  pageCss: string | undefined;
}

export async function typedIntakeInChromium(
  bench: LiveBench,
  browser: Browser,
  pages: PageServer,
  { sessions, cpuProfile, trace, pageCss }: UiOptions,
): Promise<UiResult> {
  const { script, versionAfterTurn } = bench.intake;
  const result: UiResult = {
    painted: [],
    received: [],
    renderOnly: [],
    opened: [],
    sent: [],
    sentToOpened: [],
    read: [],
    readToApplied: [],
    channelMessages: 0,
    longTasks: { count: 0, totalMs: 0 },
    unchanged: 0,
    missing: 0,
    stalls: 0,
    tokenFetches: 0,
    errors: [],
  };
  for (let session = 0; session < sessions; session += 1) {
    await bench.worker.waitForIdlePool();
    const tokenSession = pages.nextSession();
    const page = await openPage(browser, `${pages.origin}?text-only`, pageCss);
    const cdp = cpuProfile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    if (trace) await browser.startTracing(page, { path: trace });
    await page.evaluate(() => window.liveBench.pressStart());
    await page.waitForFunction(() => window.liveBench.record().snapshotPaintedAt !== null, undefined, {
      timeout: 60_000,
    });
    // Let the greeting play out before the first line (a typed line would interrupt it).
    await page
      .waitForFunction(() => window.liveBench.record().openingPaintedAt !== null, undefined, {
        timeout: 30_000,
      })
      .catch(() => {});
    await sleep(bench.thinkMs);
    const input = page.locator(".vo-text-input input");
    const agentEntries = () => page.locator('.vo-transcript__entry[data-speaker="agent"]').count();
    for (const [turn, { user }] of script.turns.entries()) {
      const repliesBefore = await agentEntries();
      await input.fill(user);
      await input.press("Enter");
      const version = versionAfterTurn[turn] ?? 0;
      try {
        await page.waitForFunction((v) => v in window.liveBench.record().painted, version, {
          timeout: 30_000,
          polling: 20,
        });
        // The agent starts its answer; the recruiter reads it, then types the next line.
        await until("the agent's answer", async () => (await agentEntries()) > repliesBefore, 15_000, 50);
      } catch {
        result.stalls += 1;
      }
      await sleep(bench.thinkMs);
    }
    await sleep(1000);
    if (trace) {
      await browser.stopTracing();
      bench.log(`performance trace of the intake written to ${trace}`);
    }
    if (cdp && cpuProfile) {
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(cpuProfile, JSON.stringify(profile));
      bench.log(`CPU profile of the page written to ${cpuProfile}`);
    }
    const record = await pageRecord(page);
    await stopPage(page);
    const profile = await tokenSession.profile;
    if (!profile) throw new Error("the page never asked for a token");
    const committed = (await committedAt(bench, [profile.sessionId])).get(profile.sessionId) ?? new Map();
    for (const [seq, at] of committed) {
      const painted = record.painted[seq];
      const received = record.received[seq];
      if (painted === undefined || received === undefined) {
        result.missing += 1;
        continue;
      }
      result.painted.push(painted - at);
      result.received.push(received - at);
      result.renderOnly.push(painted - received);
      const opened = record.streamOpened[seq];
      const read = record.streamRead[seq];
      if (opened !== undefined && read !== undefined) {
        result.opened.push(opened - at);
        result.read.push(read - at);
        result.readToApplied.push(received - read);
        const sent = record.streamSent[seq];
        if (sent !== undefined) {
          result.sent.push(sent - at);
          result.sentToOpened.push(opened - sent);
        }
      }
    }
    result.channelMessages += record.channelMessages;
    result.longTasks.count += record.longTasks.count;
    result.longTasks.totalMs += record.longTasks.totalMs;
    result.unchanged += record.unchanged.length;
    result.tokenFetches += record.tokenFetches;
    result.errors.push(...record.errors);
    bench.log(
      `typed intake ${session + 1}/${sessions}: ${committed.size} committed changes, p95 ${ms(percentile(result.painted, 95))} ms so far`,
    );
  }
  return result;
}

export function printUiTable(
  ui: UiResult,
  {
    sessions,
    finalVersion,
    goalMs,
    machineCores,
  }: { sessions: number; finalVersion: number; goalMs: number; machineCores: number },
): void {
  const painted = stats(ui.painted);
  const row = timingRow;
  printTable(
    `1. Tool call committed → card painted in Chromium, ms (${sessions} typed intake(s) × ${finalVersion} committed changes, text only, headless software raster)`,
    ["stage", "n", "p50", "p95", "max", "goal p95"],
    [
      row("committed → card painted", ui.painted, goalMs),
      row("  committed → the agent began sending (stream header's timestamp)", ui.sent),
      row("  began sending → text stream opened in the page (LiveKit transport)", ui.sentToOpened),
      row("  committed → text stream opened in the page (livekit-client)", ui.opened),
      row("  committed → text stream read whole", ui.read),
      row("  read → applied in the widget's store (decode, checks, store)", ui.readToApplied),
      row("  committed → applied in the widget's store", ui.received),
      row("  applied → frame painted", ui.renderOnly),
    ],
  );
  console.log(
    `machine CPU busy during this part: ${machineCores.toFixed(2)} of ${cpus().length} cores; the page got ${ui.channelMessages} data channel messages (protocol, transcription, agent events) and ran ${ui.longTasks.count} tasks over 50 ms (${ms(ui.longTasks.totalMs)} ms in all); changes never shown: ${ui.missing}; shown without a card DOM change: ${ui.unchanged}; turns that stalled: ${ui.stalls}; token fetches: ${ui.tokenFetches} for ${sessions} session(s); widget errors: ${ui.errors.length ? ui.errors.slice(0, 3).join(" | ") : "none"}${painted.n < 30 ? "; FEWER than 30 samples" : ""}`,
  );
}
