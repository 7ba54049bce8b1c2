/** What the parts of the live bench share. */
import type { ProfileService } from "../../packages/agent/src/service/index.js";
import type { LiveStack } from "../../packages/agent/test/harness/live-stack.js";
import type { Log } from "./clock.js";
import type { IntakeScript } from "./intake-script.js";
import type { WorkerStats } from "./worker-stats.js";

export interface LiveBench {
  stack: LiveStack;
  /** Creates the sessions, straight in the stack's store. */
  service: ProfileService;
  intake: IntakeScript;
  worker: WorkerStats;
  log: Log;
  /** Run newest first when the bench exits (on a signal too): what a part has open. */
  cleanups: (() => Promise<unknown>)[];
  /** The recruiter's pause after the agent answers, ms. */
  thinkMs: number;
}
