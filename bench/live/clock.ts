/** Clocks and waiting for the live bench: CLOCK_REALTIME at sub-millisecond resolution, a log that says when. */
import { percentile } from "../table.js";
import { seconds } from "./units.js";

/** CLOCK_REALTIME with sub-millisecond resolution: Date.now()'s clock, read through performance.now(). */
const clockOffset = (() => {
  const offsets = Array.from({ length: 50 }, () => Date.now() - (performance.timeOrigin + performance.now()));
  return percentile(offsets, 50);
})();
export const wallNow = () => performance.timeOrigin + performance.now() + clockOffset;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Log = (line: string) => void;

/** A log whose lines say how long the bench has run, counted from this call. */
export function startLog(): { log: Log; elapsed: () => string } {
  const benchStarted = wallNow();
  const elapsed = () => `${seconds(wallNow() - benchStarted)} s`;
  const log = (line: string) => console.log(`[live bench ${elapsed()}] ${line}`);
  return { log, elapsed };
}

export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
