import { defineAgent, type JobContext, type JobProcess, type VAD } from "@livekit/agents";
import * as silero from "@livekit/agents-plugin-silero";
import { loadWorkerConfig } from "../config/index.js";
import { createSharedStoreFromEnv } from "../store/from-env.js";
import { warmHttpClient } from "./http-warmup.js";
import { runIntakeJob } from "./intake-job.js";

/** The worker's agent definition: `cli.runApp` loads this file in each job process. */
export default defineAgent({
  // Loaded once per process, not per job: the VAD model is the slow part of a cold start, and the
  // HTTP client's first use was the slow part of the greeting's first speech request.
  prewarm: async (proc: JobProcess) => {
    proc.userData.vad = await silero.VAD.load();
    await warmHttpClient();
  },
  entry: async (ctx: JobContext) => {
    const config = loadWorkerConfig(process.env);
    // The job owns the store and closes it after its last change (runIntakeJob).
    const store = await createSharedStoreFromEnv(process.env);
    await runIntakeJob(ctx, { config, store, vad: ctx.proc.userData.vad as VAD });
  },
});
