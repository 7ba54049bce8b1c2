/** Linux /proc readings for the live bench: a process tree, its memory and CPU time. */
import { readdirSync, readFileSync } from "node:fs";

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process exited meanwhile
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields === null) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree.filter((pid) => read(`/proc/${pid}/stat`) !== null);
}

export function commandLine(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? "").replaceAll("\0", " ");
}

/** Resident set size in KiB (VmRSS), 0 for a process that is gone. */
export function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) : 0;
}

/** Proportional set size in KiB (shared pages split between their users), 0 when unreadable. */
export function pssKiB(pid: number): number {
  const match = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? "");
  return match ? Number(match[1]) : 0;
}

/** User + system CPU time in clock ticks (1/100 s on Linux). */
export function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

/** The machine's CPU time so far (all cores, clock ticks): busy and total, from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const fields = (read("/proc/stat") ?? "").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = fields.reduce((sum, value) => sum + value, 0);
  // user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** When the process started, in clock ticks since boot. */
export function startTicks(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[19]) : 0;
}

/** CPU time so far (clock ticks) of every live process whose command line matches; exited ones no longer count. */
export function ticksOfProcesses(matches: (commandLine: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (/^\d+$/.test(entry) && matches(commandLine(Number(entry)))) ticks += cpuTicks(Number(entry));
  }
  return ticks;
}
