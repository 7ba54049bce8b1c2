import type { voice } from "@livekit/agents";
import type { RemoteParticipant, RpcInvocationData } from "@livekit/rtc-node";
import { RPC_METHOD } from "@voice-onboarding/protocol";
import { createEditRpcHandler, createSnapshotRpcHandler } from "../edits/index.js";
import { LiveKitPublisher, type TextSender } from "../publish/livekit-publisher.js";
import { ProfileService, type ServiceLogger, SessionNotFoundError } from "../service/index.js";
import type { ProfileStore } from "../store/profile-store.js";
import { createIntakeAgent, type IntakeAgent } from "./intake-agent.js";
import { currentRecruiter, isRecruiterIn, isRecruiterParticipant } from "./recruiter-presence.js";

type Participant = Pick<RemoteParticipant, "identity" | "kind" | "attributes">;

/** The part of a connected rtc-node Room the intake needs. */
export interface IntakeRoom {
  localParticipant: TextSender & {
    registerRpcMethod(method: string, handler: (data: RpcInvocationData) => Promise<string>): void;
  };
  remoteParticipants: ReadonlyMap<string, Participant>;
  /** Called with every participant that joins. */
  onParticipantJoined(listener: (participant: Participant) => void): void;
}

export interface BootstrapOptions {
  sessionId: string;
  store: ProfileStore;
  room: IntakeRoom;
  logger: ServiceLogger;
  /** Starts the voice (or text) session for the agent; the worker binds it to the room. */
  startSession(agent: voice.Agent): Promise<voice.AgentSession>;
}

export interface RunningIntake {
  service: ProfileService;
  intake: IntakeAgent;
  session: voice.AgentSession;
}

/**
 * After the job connected: load the session's profile (an unknown session is `null`, not a
 * crash), register the recruiter's edit and snapshot RPCs, send a snapshot to the recruiter now
 * and on every join, start the session and greet with the opening hook.
 */
export async function bootstrapIntake(options: BootstrapOptions): Promise<RunningIntake | null> {
  const { sessionId, room, logger } = options;
  const publisher = new LiveKitPublisher(room.localParticipant, () => currentRecruiter(room));
  const service = new ProfileService({ store: options.store, publisher, logger });
  let intake: IntakeAgent;
  try {
    intake = await createIntakeAgent(service, sessionId);
  } catch (error) {
    if (error instanceof SessionNotFoundError) return null;
    throw error;
  }
  const isRecruiter = (identity: string) => isRecruiterIn(room, identity);
  const sendTo = (identity: string, message: Parameters<LiveKitPublisher["sendTo"]>[1]) =>
    publisher.sendTo(identity, message);
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.edit,
    createEditRpcHandler({
      service,
      sessionId,
      isRecruiter,
      onEdited: (note) => void intake.tellModel(note),
    }),
  );
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.snapshot,
    createSnapshotRpcHandler({ service, sessionId, isRecruiter, sendTo }),
  );
  const sendSnapshot = async (identity: string) => sendTo(identity, await service.snapshot(sessionId));
  room.onParticipantJoined((participant) => {
    if (!isRecruiterParticipant(participant)) return;
    sendSnapshot(participant.identity).catch((error: unknown) =>
      logger.warn("could not send the snapshot", { error: String(error) }),
    );
  });
  const session = await options.startSession(intake.agent);
  const recruiter = currentRecruiter(room);
  if (recruiter) await sendSnapshot(recruiter);
  session.say(intake.openingHook, { allowInterruptions: true });
  return { service, intake, session };
}
