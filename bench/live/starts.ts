/** 2. Start pressed → snapshot painted / opening line painted: a fresh page and a new session per start. */
import { cpus } from "node:os";
import type { Browser } from "@playwright/test";
import { printTable, timingRow } from "../table.js";
import { sleep } from "./clock.js";
import type { LiveBench } from "./context.js";
import { ms } from "./units.js";
import { openPage, type PageServer, pageRecord, stopPage } from "./widget-page.js";

export interface StartSample {
  connected: number;
  agentJoined: number;
  snapshotReceived: number;
  snapshotPainted: number;
  openingPainted: number;
  tokenFetches: number;
}

export interface StartResult {
  samples: StartSample[];
  failed: number;
}

/** How the recruiter starts: speaking (a silent fake microphone) or typing (`textOnly`, no microphone asked). */
export type StartInput = "voice" | "text";

export async function starts(
  bench: LiveBench,
  browser: Browser,
  pages: PageServer,
  count: number,
  input: StartInput = "voice",
): Promise<StartResult> {
  const samples: StartSample[] = [];
  let failed = 0;
  for (let start = 0; start < count; start += 1) {
    await bench.worker.waitForIdlePool();
    pages.nextSession();
    const page = await openPage(browser, input === "text" ? `${pages.origin}?text-only` : pages.origin);
    await sleep(300);
    await page.evaluate(() => window.liveBench.pressStart());
    try {
      await page.waitForFunction(
        () => {
          const record = window.liveBench.record();
          return record.snapshotPaintedAt !== null && record.openingPaintedAt !== null;
        },
        undefined,
        { timeout: 30_000, polling: 20 },
      );
      const record = await pageRecord(page);
      const from = record.startedAt ?? Number.NaN;
      samples.push({
        connected: (record.connectedAt ?? Number.NaN) - from,
        agentJoined: (record.agentJoinedAt ?? Number.NaN) - from,
        snapshotReceived: (record.received[0] ?? Number.NaN) - from,
        snapshotPainted: (record.snapshotPaintedAt ?? Number.NaN) - from,
        openingPainted: (record.openingPaintedAt ?? Number.NaN) - from,
        tokenFetches: record.tokenFetches,
      });
    } catch {
      failed += 1;
    }
    await stopPage(page);
    const last = samples.at(-1);
    bench.log(
      `start ${start + 1}/${count}: ${last ? `snapshot ${ms(last.snapshotPainted)} ms, opening ${ms(last.openingPainted)} ms` : "FAILED"}`,
    );
  }
  return { samples, failed };
}

export function printStartTable(
  { samples, failed }: StartResult,
  {
    count,
    input,
    goalMs,
    machineCores,
    warmedSummary,
  }: { count: number; input: StartInput; goalMs: number; machineCores: number; warmedSummary: string },
): void {
  const row = (name: string, pick: (sample: StartSample) => number, goal?: number) =>
    timingRow(name, samples.map(pick), goal);
  printTable(
    `2. Start pressed → …, ms (${count} starts, each a fresh page and a new session; ${input === "text" ? "text only, no microphone" : "silent fake microphone"}; a warmed job process waiting)`,
    ["from Start pressed to", "n", "p50", "p95", "max", "goal p95"],
    [
      row("room connected", (sample) => sample.connected),
      row("agent joined the room", (sample) => sample.agentJoined),
      row("snapshot in the widget's store", (sample) => sample.snapshotReceived),
      row("snapshot painted (company card)", (sample) => sample.snapshotPainted, goalMs),
      row("opening line painted (first words)", (sample) => sample.openingPainted, goalMs),
    ],
  );
  const refetched = samples.filter((sample) => sample.tokenFetches > 1).length;
  console.log(
    `machine CPU busy during this part: ${machineCores.toFixed(2)} of ${cpus().length} cores; failed starts (nothing within 30 s): ${failed}; starts whose widget asked for a token again: ${refetched}\nEach start takes the warmed job process; the worker then warms the next one at once, on the same 2 cores (a job process: ${warmedSummary}).`,
  );
}
