/**
 * The worker seen from outside: its processes and their memory and CPU time (/proc), its active
 * jobs (its status port), failed job launches (its log) and its pool of warmed job processes.
 */
import { cpus } from "node:os";
import type { StackProcess } from "../../packages/agent/test/harness/live-stack.js";
import { percentile } from "../table.js";
import { type Log, sleep } from "./clock.js";
import { commandLine, cpuTicks, machineTicks, processTree, pssKiB, rssKiB, startTicks } from "./procfs.js";
import { mib } from "./units.js";

export interface WorkerMemory {
  processes: number;
  jobProcesses: number;
  rss: number;
  pss: number;
}

export interface WorkerStats {
  memory(): WorkerMemory;
  /** CPU time of the worker's processes so far, in clock ticks (1/100 s). */
  ticks(): number;
  /** Lines of the worker's output saying a job could not be launched (e.g. a process too slow to initialise). */
  launchFailures(): number;
  /**
   * Waits until `jobs` jobs run and one more job process is up and idle (its CPU time still over
   * half a second): the worker's warmed process, which the next dispatch takes.
   */
  waitForIdlePool(jobs?: number, timeoutMs?: number): Promise<boolean>;
  /** The CPU and memory of the warmed job processes seen so far. */
  warmedSummary(): string;
}

/** Watches `worker` (its process tree, its status port `port`, its output) from now on. */
export function watchWorker(worker: StackProcess, port: string | undefined, log: Log): WorkerStats {
  const workerRoot = worker.child.pid as number;

  /** The worker's processes: the tsx launcher, the worker, its inference process and its job processes. */
  function processes() {
    const pids = processTree(workerRoot);
    const jobs = pids.filter((pid) => commandLine(pid).includes("job_proc_lazy_main"));
    return { pids, jobs };
  }

  function memory(): WorkerMemory {
    const { pids, jobs } = processes();
    return {
      processes: pids.length,
      jobProcesses: jobs.length,
      rss: pids.reduce((sum, pid) => sum + rssKiB(pid), 0),
      pss: pids.reduce((sum, pid) => sum + pssKiB(pid), 0),
    };
  }

  function ticks(): number {
    return processes().pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  }

  async function activeJobs(): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${port}/worker`);
    return ((await response.json()) as { active_jobs: number }).active_jobs;
  }

  let launchFailureLines = 0;
  for (const output of [worker.child.stdout, worker.child.stderr]) {
    output?.on("data", (chunk: Buffer) => {
      launchFailureLines += (
        chunk.toString("utf8").match(/error launching job|initialization timed out/g) ?? []
      ).length;
    });
  }

  /** Each warmed job process seen idle: the CPU it took to get there and its memory. */
  const warmed = new Map<number, { cpuSeconds: number; rssKiB: number }>();

  function warmedSummary(): string {
    const all = [...warmed.values()];
    if (all.length === 0) return "not measured";
    const cpu = all.map((one) => one.cpuSeconds);
    const rss = all.map((one) => one.rssKiB);
    return `${percentile(cpu, 50).toFixed(1)} s of CPU to warm (median of ${all.length}, max ${Math.max(...cpu).toFixed(1)} s), ${mib(percentile(rss, 50))} MiB RSS`;
  }

  async function waitForIdlePool(jobs = 0, timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const jobProcesses = processes().jobs;
      const newest = jobProcesses.sort((a, b) => startTicks(b) - startTicks(a))[0];
      if ((await activeJobs().catch(() => -1)) === jobs && jobProcesses.length === jobs + 1 && newest) {
        const before = cpuTicks(newest);
        await sleep(500);
        const after = cpuTicks(newest);
        if (after - before <= 4) {
          if (!warmed.has(newest)) warmed.set(newest, { cpuSeconds: after / 100, rssKiB: rssKiB(newest) });
          return true;
        }
      } else {
        await sleep(250);
      }
    }
    log(`warning: the worker did not settle to ${jobs} job(s) and one idle process within ${timeoutMs} ms`);
    return false;
  }

  return {
    memory,
    ticks,
    launchFailures: () => launchFailureLines,
    waitForIdlePool,
    warmedSummary,
  };
}

/** Busy cores of the whole machine since `before` (everything running on it, not only this bench). */
export function busyCores(before: ReturnType<typeof machineTicks>): number {
  const now = machineTicks();
  return ((now.busy - before.busy) / Math.max(1, now.total - before.total)) * cpus().length;
}
