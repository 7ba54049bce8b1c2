import { fileURLToPath } from "node:url";
import { cli, ServerOptions } from "@livekit/agents";
import { loadWorkerConfig } from "../config/index.js";

/** The file job processes import: `src/worker/entry.ts` from sources, `dist/worker/entry.js` when built (every dist chunk sits in dist/). */
const ENTRY_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "../worker/entry.ts" : "./worker/entry.js", import.meta.url),
);

/** agents-js's event-loop stall warning in every job process, ms (its own default is 100). */
const LOOP_BLOCK_WARN = "LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS";
const DEFAULT_LOOP_BLOCK_WARN_MS = "250";

/**
 * agents-js's event-loop monitor ticks every fifth of its warning threshold, in the job process and
 * in a watchdog thread: at its 100 ms, 50 times a second each, ~18 ms of CPU a second per idle job
 * on the live bench (text sessions). Unset or empty, the threshold is 250 ms here; an operator's
 * value stays.
 */
export function withLoopMonitorDefault(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!env[LOOP_BLOCK_WARN]) env[LOOP_BLOCK_WARN] = DEFAULT_LOOP_BLOCK_WARN_MS;
  return env;
}

/**
 * `dev` / `start`: the LiveKit Agents worker, registered under the agent name so rooms get it by
 * explicit dispatch. Configuration is checked here, before any job runs, naming every problem.
 */
export async function workerCommand(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const { maxJobs } = config.server;
  // Job processes inherit this environment.
  withLoopMonitorDefault(process.env);
  // agents-js reads the mode (dev/start) and its flags from process.argv itself.
  cli.runApp(
    new ServerOptions({
      agent: ENTRY_FILE,
      agentName: config.agentName,
      wsURL: config.livekit.url,
      apiKey: config.livekit.apiKey,
      apiSecret: config.livekit.apiSecret,
      ...(maxJobs !== undefined && {
        // LiveKit drops a dispatch when every worker reports load 1, which a CPU measure does on a
        // busy small machine; counting jobs keeps the capacity what the operator chose.
        loadFunc: async (server) => server.activeJobs.length / maxJobs,
        loadThreshold: 1,
      }),
      numIdleProcesses: config.server.idleProcesses,
      // agents-js gives a new job process 10 s to load (Silero VAD included); on a busy small machine
      // that is not enough, the process is killed and the next room has nobody to serve it.
      initializeProcessTimeout: 60_000,
      port: config.server.port,
    }),
  );
}
