import { type JobContext, log, type VAD, voice } from "@livekit/agents";
import { RoomEvent } from "@livekit/rtc-node";
import { RPC_METHOD } from "@voice-onboarding/protocol";
import type { WorkerConfig } from "../config/index.js";
import { createEditRpcHandler, createSnapshotRpcHandler } from "../edits/index.js";
import { LiveKitPublisher } from "../publish/livekit-publisher.js";
import { ProfileService, SessionNotFoundError } from "../service/index.js";
import type { ProfileStore } from "../store/profile-store.js";
import { readSessionId } from "./dispatch-metadata.js";
import { createIntakeAgent } from "./intake-agent.js";
import { createProviders } from "./providers.js";
import { currentRecruiter, isRecruiterIn, isRecruiterParticipant } from "./recruiter-presence.js";
import { TurnMetrics } from "./turn-metrics.js";

export interface IntakeJobDeps {
  config: WorkerConfig;
  store: ProfileStore;
  vad: VAD;
}

/** One onboarding conversation in one room: the job entry of the worker. */
export async function runIntakeJob(ctx: JobContext, { config, store, vad }: IntakeJobDeps): Promise<void> {
  const logger = log().child({ job: ctx.job.id });
  const session = readSessionId(ctx.job.metadata, ctx.room.metadata);
  if (!session.ok) {
    logger.error({ reason: session.reason }, "ending job: no valid onboarding session");
    ctx.shutdown(session.reason);
    return;
  }
  const { sessionId } = session;
  await ctx.connect();
  const { room } = ctx;
  const local = room.localParticipant;
  if (!local) throw new Error("connected to the room without a local participant");
  const publisher = new LiveKitPublisher(local, () => currentRecruiter(room));
  const service = new ProfileService({
    store,
    publisher,
    logger: { warn: (message, detail) => logger.warn(detail, message) },
  });

  let intake: Awaited<ReturnType<typeof createIntakeAgent>>;
  try {
    intake = await createIntakeAgent(service, sessionId);
  } catch (error) {
    if (!(error instanceof SessionNotFoundError)) throw error;
    logger.error({ sessionId }, "ending job: unknown onboarding session");
    ctx.shutdown(`unknown onboarding session ${sessionId}`);
    return;
  }

  const isRecruiter = (identity: string) => isRecruiterIn(room, identity);
  local.registerRpcMethod(
    RPC_METHOD.edit,
    createEditRpcHandler({
      service,
      sessionId,
      isRecruiter,
      onEdited: (note) => void intake.tellModel(note),
    }),
  );
  local.registerRpcMethod(
    RPC_METHOD.snapshot,
    createSnapshotRpcHandler({
      service,
      sessionId,
      isRecruiter,
      sendTo: (identity, message) => publisher.sendTo(identity, message),
    }),
  );
  const sendSnapshot = async (identity: string) => {
    await publisher.sendTo(identity, await service.snapshot(sessionId));
  };
  room.on(RoomEvent.ParticipantConnected, (participant) => {
    if (isRecruiterParticipant(participant)) {
      sendSnapshot(participant.identity).catch((error: unknown) =>
        logger.warn({ error }, "could not send the snapshot"),
      );
    }
  });

  const turnMetrics = new TurnMetrics((turn) => logger.info({ sessionId, ...turn }, "turn latency"));
  const agentSession = new voice.AgentSession({
    vad,
    ...createProviders(config),
    maxToolSteps: config.maxToolSteps,
  });
  agentSession.on(voice.AgentSessionEventTypes.MetricsCollected, (event) =>
    turnMetrics.record(event.metrics),
  );

  ctx.addShutdownCallback(async () => {
    // Tool calls already running finish and commit before the process goes; the store holds the rest.
    await service.settled();
    intake.dispose();
    logger.info({ sessionId, turns: turnMetrics.turns }, "intake job ended");
  });

  // Typed chat (LiveKit's lk.chat text input) is on by default: a recruiter can do the whole intake without a microphone.
  await agentSession.start({ agent: intake.agent, room, inputOptions: { textEnabled: true } });
  const recruiter = currentRecruiter(room);
  if (recruiter) await sendSnapshot(recruiter);
  agentSession.say(intake.openingHook, { allowInterruptions: true });
}
