import { type JobContext, log, type VAD, voice } from "@livekit/agents";
import { RoomEvent } from "@livekit/rtc-node";
import type { WorkerConfig } from "../config/index.js";
import type { ProfileStore } from "../store/profile-store.js";
import { readSessionId } from "./dispatch-metadata.js";
import { bootstrapIntake } from "./intake-bootstrap.js";
import { createProviders } from "./providers.js";
import { TurnMetrics } from "./turn-metrics.js";

export interface IntakeJobDeps {
  config: WorkerConfig;
  store: ProfileStore;
  vad: VAD;
}

/** One onboarding conversation in one room: the job entry of the worker. */
export async function runIntakeJob(ctx: JobContext, { config, store, vad }: IntakeJobDeps): Promise<void> {
  const logger = log().child({ job: ctx.job.id });
  const metadata = readSessionId(ctx.job.metadata, ctx.room.metadata);
  if (!metadata.ok) {
    logger.error({ reason: metadata.reason }, "ending job: no valid onboarding session");
    ctx.shutdown(metadata.reason);
    return;
  }
  const { sessionId } = metadata;
  await ctx.connect();
  const { room } = ctx;
  const localParticipant = room.localParticipant;
  if (!localParticipant) throw new Error("connected to the room without a local participant");

  const turnMetrics = new TurnMetrics((turn) => logger.info({ sessionId, ...turn }, "turn latency"));
  const running = await bootstrapIntake({
    sessionId,
    store,
    logger: { warn: (message, detail) => logger.warn(detail, message) },
    room: {
      localParticipant,
      remoteParticipants: room.remoteParticipants,
      onParticipantJoined: (listener) => room.on(RoomEvent.ParticipantConnected, listener),
    },
    startSession: async (agent) => {
      const session = new voice.AgentSession({
        vad,
        ...createProviders(config),
        maxToolSteps: config.maxToolSteps,
      });
      session.on(voice.AgentSessionEventTypes.MetricsCollected, (event) => turnMetrics.record(event.metrics));
      // LiveKit's chat text input (lk.chat) is on: a recruiter can do the whole intake by typing.
      await session.start({ agent, room, inputOptions: { textEnabled: true } });
      return session;
    },
  });
  if (running === null) {
    logger.error({ sessionId }, "ending job: unknown onboarding session");
    ctx.shutdown(`unknown onboarding session ${sessionId}`);
    return;
  }
  ctx.addShutdownCallback(async () => {
    // Tool calls already running finish and commit before the process goes; the store holds the rest.
    await running.service.settled();
    running.intake.dispose();
    logger.info({ sessionId, turns: turnMetrics.turns }, "intake job ended");
  });
}
