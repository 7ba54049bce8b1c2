import { type JobContext, log, type VAD, voice } from "@livekit/agents";
import { ParticipantKind, RoomEvent } from "@livekit/rtc-node";
import type { WorkerConfig } from "../config/index.js";
import { readChatLine } from "../limits/chat-gate.js";
import type { ProfileStore } from "../store/profile-store.js";
import { createAgentAudioTrack } from "./agent-audio-track.js";
import { readSessionId } from "./dispatch-metadata.js";
import { watchHearing } from "./hearing-watchdog.js";
import { bootstrapIntake, type RunningIntake } from "./intake-bootstrap.js";
import { transcriptLine, watchProviderFailures } from "./provider-failures.js";
import { createProviders } from "./providers.js";
import { type TurnLatency, TurnMetrics, turnLatencyAnnouncer, turnLatencyKeeper } from "./turn-metrics.js";
import { dropUnreadOutputs } from "./unread-outputs.js";
import { createVoiceOutput, type VoiceOutput } from "./voice-output.js";

/** LiveKit's standard topic for typed user input to an agent. */
const CHAT_TOPIC = "lk.chat";

export interface IntakeJobDeps {
  config: WorkerConfig;
  /** Owned by the job from here on: closed after the last change has drained. */
  store: ProfileStore;
  vad: VAD;
}

/** One onboarding conversation in one room: the job entry of the worker. */
export async function runIntakeJob(ctx: JobContext, { config, store, vad }: IntakeJobDeps): Promise<void> {
  const logger = log().child({ job: ctx.job.id });
  let running: RunningIntake | null = null;
  let keepTurn: ((turn: TurnLatency) => void) | undefined;
  let announceTurn: ((turn: TurnLatency) => void) | undefined;
  const turnMetrics = new TurnMetrics((turn) => {
    logger.info({ ...turn }, "turn latency");
    keepTurn?.(turn);
    announceTurn?.(turn);
  });
  // One callback, in order: agents-js runs shutdown callbacks concurrently, and the store must
  // outlive the tool calls still committing.
  ctx.addShutdownCallback(async () => {
    if (running) {
      // In-flight changes commit (or settle) and the last turns are stored before the store closes.
      await running.service.drain();
      await running.transcript.flush();
      running.intake.dispose();
      logger.info(
        {
          turns: turnMetrics.turns,
          refused: running.refused,
          limited: running.limited,
          resent: running.resent,
        },
        "intake job ended",
      );
    }
    await store.close();
  });

  const metadata = readSessionId(ctx.job.metadata, ctx.room.metadata);
  if (!metadata.ok) {
    logger.error({ reason: metadata.reason }, "ending job: no valid onboarding session");
    ctx.shutdown(metadata.reason);
    return;
  }
  const { sessionId } = metadata;
  keepTurn = turnLatencyKeeper(store, sessionId, (detail, message) => logger.warn(detail, message));
  await ctx.connect();
  const { room } = ctx;
  const localParticipant = room.localParticipant;
  if (!localParticipant) throw new Error("connected to the room without a local participant");
  // Audio output follows the listened-to recruiter's microphone (voice-output.ts), from the start on.
  let voiceOutput: VoiceOutput | undefined;
  let voiceFailed = false;
  const joinedAt = new Map<string, number>();
  const typists = new Set<string>();
  room.on(RoomEvent.ParticipantConnected, (participant) => joinedAt.set(participant.identity, Date.now()));
  room.on(RoomEvent.ParticipantDisconnected, (participant) => joinedAt.delete(participant.identity));
  room.on(RoomEvent.TrackPublished, () => voiceOutput?.tracksChanged());
  room.on(RoomEvent.TrackUnpublished, () => voiceOutput?.tracksChanged());
  // Off the air while nobody hears it (agent-audio-track.ts); agents-js publishes it as the session starts.
  const agentTrack = createAgentAudioTrack(localParticipant, (detail, message) =>
    logger.warn(detail, message),
  );
  room.on(RoomEvent.LocalTrackPublished, () => agentTrack.published());
  room.on(RoomEvent.Disconnected, () => agentTrack.released());
  announceTurn = turnLatencyAnnouncer(localParticipant, (detail, message) => logger.warn(detail, message));

  const outcome = await bootstrapIntake({
    sessionId,
    store,
    logger: { warn: (message, detail) => logger.warn({ sessionId, ...detail }, message) },
    room: {
      localParticipant,
      remoteParticipants: room.remoteParticipants,
      onParticipantJoined: (listener) => room.on(RoomEvent.ParticipantConnected, listener),
      onParticipantLeft: (listener) => room.on(RoomEvent.ParticipantDisconnected, listener),
      onChatText: (listener) =>
        room.registerTextStreamHandler(CHAT_TOPIC, (reader, { identity }) => {
          readChatLine(reader)
            .then((text) => listener(text, identity))
            .catch((error: unknown) => logger.warn({ error: String(error) }, "could not read a chat line"));
        }),
    },
    startSession: async (agent, recruiter) => {
      const session = new voice.AgentSession({
        vad,
        ...createProviders(config),
        maxToolSteps: config.maxToolSteps,
        // Unset, agents-js adds its end-of-turn model; "vad" leaves the turn to the VAD's silence.
        ...(config.turnDetection === "vad" && { turnHandling: { turnDetection: "vad" } }),
      });
      session.on(voice.AgentSessionEventTypes.MetricsCollected, (event) => turnMetrics.record(event.metrics));
      const failures = watchProviderFailures({
        session,
        onVoiceFailed: () => {
          voiceFailed = true;
          voiceOutput?.voiceFailed();
        },
        tell: (text) => transcriptLine(localParticipant, text),
        logger,
      });
      watchHearing({
        session,
        onDeaf: () => failures.failed("stt_error", "speech was heard but no transcript followed"),
      });
      await session.start({
        agent,
        room,
        inputOptions: {
          // Typed chat is ours (bootstrapIntake): accepted from every recruiter tab, refused from anyone else.
          textEnabled: false,
          // A reload or Stop leaves the room; the session stays for the recruiter who comes back.
          closeOnDisconnect: false,
          participantKinds: [ParticipantKind.STANDARD],
          participantIdentity: recruiter,
        },
      });
      await dropUnreadOutputs(session);
      voiceOutput = createVoiceOutput({
        session,
        participants: room.remoteParticipants,
        listener: recruiter,
        joinedAt,
        // Some may have said so before the session started (the RPC comes as soon as the agent is marked).
        typing: typists,
        track: agentTrack,
      });
      if (voiceFailed) voiceOutput.voiceFailed();
      return session;
    },
    linkRecruiter: (session, identity) => {
      session._roomIO?.setParticipant(identity);
      voiceOutput?.listenTo(identity);
    },
    tell: (text) => transcriptLine(localParticipant, text),
    beforeGreeting: async () => voiceOutput?.decided(),
    choseText: (identity) => {
      if (voiceOutput) voiceOutput.choseText(identity);
      else typists.add(identity);
    },
  });
  if ("ended" in outcome) {
    logger.error({ sessionId, reason: outcome.ended }, "ending job: nothing to serve");
    ctx.shutdown(outcome.ended);
    return;
  }
  running = outcome;
}
