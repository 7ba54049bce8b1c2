/** The worker process of the live stack: the port it listens on, and stopping it with everything below it. */
import { existsSync } from "node:fs";
import type { StackProcess } from "../../packages/agent/test/harness/live-stack.js";
import { until } from "./clock.js";
import { processTree } from "./procfs.js";

/** The health/status port a worker listens on, from its log ("Server is listening on port N"). */
export function workerPortOf(process_: StackProcess): string {
  const port = /listening on port (\d+)/.exec(process_.output())?.[1];
  if (port === undefined) throw new Error("the worker did not say which port it listens on");
  return port;
}

/** Stops a stack process and every process below it (tsx's child, job processes) in its process group. */
export async function stopProcessGroup({ child }: StackProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const tree = processTree(child.pid);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }, 10_000);
  await exited;
  // tsx's launcher can exit before the worker under it lets go of its port.
  await until(
    "the old worker's processes to exit",
    () => tree.every((pid) => !existsSync(`/proc/${pid}`)),
    15_000,
    100,
  );
  clearTimeout(timer);
}
