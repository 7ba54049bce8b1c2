import { voice } from "@livekit/agents";
import type { RpcInvocationData } from "@livekit/rtc-node";
import { PARTICIPANT_ATTRIBUTE, type ProtocolMessage, RPC_METHOD } from "@voice-onboarding/protocol";
import {
  type ChatHeard,
  createChatRpcHandler,
  createEditRpcHandler,
  createInputRpcHandler,
  createSnapshotRpcHandler,
  limitEdits,
} from "../edits/index.js";
import { createChatGate } from "../limits/chat-gate.js";
import { DEFAULT_INTAKE_LIMITS, type IntakeLimits } from "../limits/intake-limits.js";
import { LiveKitPublisher, type TextSender } from "../publish/livekit-publisher.js";
import { ProfileService, type ServiceLogger, SessionNotFoundError } from "../service/index.js";
import type { ProfileStore } from "../store/profile-store.js";
import { restoreLastTurns, settledNote, TranscriptRecorder } from "./conversation-memory.js";
import { createIntakeAgent, type IntakeAgent } from "./intake-agent.js";
import { loadProfileWithRetry, type ProfileLoadResult } from "./profile-load.js";
import {
  createRecruiterCheck,
  isRecruiterParticipant,
  type RoomParticipant,
  recruitersIn,
} from "./recruiter-presence.js";

/** The part of a connected rtc-node Room the intake needs. */
export interface IntakeRoom {
  localParticipant: TextSender & {
    registerRpcMethod(method: string, handler: (data: RpcInvocationData) => Promise<string>): void;
    setAttributes(attributes: Record<string, string>): Promise<void>;
  };
  remoteParticipants: ReadonlyMap<string, RoomParticipant>;
  /** Called with every participant that joins. */
  onParticipantJoined(listener: (participant: RoomParticipant) => void): void;
  /** Called with every participant that leaves. */
  onParticipantLeft(listener: (participant: RoomParticipant) => void): void;
  /** Called with every typed chat line (LiveKit's `lk.chat` topic) and its sender. */
  onChatText(listener: (text: string, senderIdentity: string) => void | Promise<void>): void;
}

export interface BootstrapOptions {
  sessionId: string;
  store: ProfileStore;
  room: IntakeRoom;
  logger: ServiceLogger;
  /** Starts the voice (or text) session for the agent, listening to `recruiter` when one is in the room. */
  startSession(agent: voice.Agent, recruiter: string | undefined): Promise<voice.AgentSession>;
  /** Points the session's audio input at another recruiter (a reload, a second tab), or at nobody. */
  linkRecruiter(session: voice.AgentSession, identity: string | null): void;
  /** Puts a line of the agent's in the recruiters' transcript, as text (before any voice exists). */
  tell(text: string): Promise<unknown>;
  /** Resolves when the greeting may be said: whether it is spoken or text only is known. */
  beforeGreeting?(): Promise<void>;
  /** A recruiter's widget said they answer by typing (`RPC_METHOD.input`). */
  choseText?(identity: string): void;
  /** Rate limits per recruiter participant; DEFAULT_INTAKE_LIMITS when absent. */
  limits?: IntakeLimits;
  /** Waits between profile load attempts while the database is down; PROFILE_LOAD_BACKOFF_MS when absent. */
  loadBackoffMs?: readonly number[];
}

/** Why the job has nothing to serve: an unknown session, or a database that stayed down. */
export interface EndedIntake {
  ended: string;
}

export interface RunningIntake {
  service: ProfileService;
  intake: IntakeAgent;
  session: voice.AgentSession;
  /** The conversation as it is stored: flushed on shutdown. */
  transcript: TranscriptRecorder;
  /** Chat lines and RPCs refused because their sender is not a recruiter of this session. */
  readonly refused: number;
  /** A recruiter's chat lines not passed to the model: blank, too long or too fast. */
  readonly limited: number;
  /** Typed lines that came again because the widget had no answer in time (heard once). */
  readonly resent: number;
}

/**
 * After the job connected: mark the agent as this session's, register the recruiter's edit and
 * snapshot RPCs at once (they wait for nothing but the store), load the profile (an unknown
 * session or a database down for minutes ends the job with a reason, not a crash), start the session, greet (a new intake with the opening hook,
 * one under way with a resume line) and keep serving every recruiter participant: snapshots on
 * join, every change to all of them, typed chat from any of them, audio from the latest.
 */
export async function bootstrapIntake(options: BootstrapOptions): Promise<RunningIntake | EndedIntake> {
  const { sessionId, room, logger, limits = DEFAULT_INTAKE_LIMITS } = options;
  const recruiters = () => recruitersIn(room, sessionId);
  const publisher = new LiveKitPublisher(room.localParticipant, recruiters);
  const service = new ProfileService({ store: options.store, publisher, logger });
  // A new tab's first line or RPC can come before its join does: the check waits for it.
  const recruiterCheck = createRecruiterCheck(room, sessionId);
  room.onParticipantJoined((participant) => recruiterCheck.joined(participant.identity));
  const isRecruiter = recruiterCheck.isRecruiter;
  const sendTo = (identity: string, message: ProtocolMessage) => publisher.sendTo([identity], message);
  let intake: IntakeAgent | undefined;
  let refused = 0;
  let limited = 0;
  let resent = 0;
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.edit,
    limitEdits(
      createEditRpcHandler({
        service,
        sessionId,
        isRecruiter,
        onEdited: (note) => void intake?.tellModel(note),
      }),
      limits.edits,
    ),
  );
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.snapshot,
    createSnapshotRpcHandler({ service, sessionId, isRecruiter, sendTo }),
  );
  // Lines typed while the voice pipeline starts wait for it (the widget's RPC waits for the answer).
  type Hear = (text: string, identity: string) => ChatHeard;
  let chatReady: (hear: Hear) => void = () => {};
  const chatHeard = new Promise<Hear>((resolve) => {
    chatReady = resolve;
  });
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.chat,
    createChatRpcHandler({
      isRecruiter,
      hear: async (text, identity) => (await chatHeard)(text, identity),
      onResent: () => {
        resent += 1;
      },
    }),
  );
  room.localParticipant.registerRpcMethod(
    RPC_METHOD.input,
    createInputRpcHandler({ isRecruiter, choseText: (identity) => options.choseText?.(identity) }),
  );
  // Marked only now that its RPC methods exist: the widget calls them as soon as it trusts this
  // agent, which is when the mark arrives (marked first, a text-only start's input RPC could meet
  // "method not supported" and the greeting waited for a microphone that never came).
  // The profile loads meanwhile (the mark is a round trip to the server, the load one to the database).
  const marked = room.localParticipant
    .setAttributes({ [PARTICIPANT_ATTRIBUTE.sessionId]: sessionId })
    .catch((error: unknown) =>
      logger.warn("could not mark the agent with its session", { error: String(error) }),
    );
  let loading: ProfileLoadResult<IntakeAgent>;
  try {
    [loading] = await Promise.all([
      loadProfileWithRetry({
        load: () => createIntakeAgent(service, sessionId),
        tell: options.tell,
        setStatus: (status) =>
          room.localParticipant.setAttributes({ [PARTICIPANT_ATTRIBUTE.status]: status }),
        backoffMs: options.loadBackoffMs,
        logger,
      }),
      marked,
    ]);
  } catch (error) {
    if (error instanceof SessionNotFoundError) return { ended: `unknown onboarding session ${sessionId}` };
    throw error;
  }
  if (!loading.ok) return { ended: loading.reason };
  const loaded = loading.value;
  intake = loaded;
  service.onSettled((outcome) => void loaded.tellModel(settledNote(outcome)));
  // The version after every change, so a widget that lost the last message still converges.
  service.onChange(({ profile }) => {
    room.localParticipant
      .setAttributes({ [PARTICIPANT_ATTRIBUTE.version]: String(profile.version) })
      .catch((error: unknown) =>
        logger.warn("could not announce the profile version", { error: String(error) }),
      );
  });
  const admitChat = createChatGate(limits);
  let session: voice.AgentSession | undefined;
  let linked = recruiters().at(-1);
  const link = (identity: string | undefined) => {
    if (identity === linked) return;
    linked = identity;
    if (session) options.linkRecruiter(session, identity ?? null);
  };
  const sendSnapshot = async (identity: string) => sendTo(identity, await service.snapshot(sessionId));
  const warnSnapshot = (error: unknown) =>
    logger.warn("could not send the snapshot", { error: String(error) });

  let recruiterArrived: () => void = () => {};
  const recruiterJoins = () => new Promise<void>((resolve) => (recruiterArrived = resolve));
  // Listen before the session starts: a tab that joins meanwhile still gets its snapshot.
  room.onParticipantJoined((participant) => {
    if (!isRecruiterParticipant(participant, sessionId)) return;
    // The newest recruiter is the one who just pressed Start (or reloaded): listen to them.
    link(participant.identity);
    recruiterArrived();
    sendSnapshot(participant.identity).catch(warnSnapshot);
  });
  room.onParticipantLeft((participant) => {
    if (participant.identity === linked) link(recruiters().at(-1));
  });

  // The cards fill while the voice pipeline starts (its models load in hundreds of milliseconds),
  // from the profile just loaded (no second read), while the last turns are restored.
  const loadedSnapshot = service.snapshotOf(loaded.profile);
  const snapshotsSent = Promise.all(
    recruiters().map((identity) => sendTo(identity, loadedSnapshot).catch(warnSnapshot)),
  );
  await restoreLastTurns(options.store, sessionId, loaded.agent, logger);
  const transcript = new TranscriptRecorder(options.store, sessionId, logger);
  // In a room with no recruiter (they left while the agent was dispatched), the session starts
  // once one is back: agents-js's RoomIO, started with nobody to listen to, takes the first
  // participant of any session, and one linked by us meanwhile it never finishes linking (no
  // transcript, no audio; seen on livekit-server with an agent dispatched ahead of the recruiter).
  while (linked === undefined) await recruiterJoins();
  // The session publishes the agent's audio track as it starts: only once the first send has opened
  // the agent's connection for sending. Started together, the track's negotiation overlapped the
  // data channel's, and once in CI the server never received the track ("publish time out"), so
  // the greeting never played.
  await snapshotsSent;
  const listenedTo = linked;
  const started = await options.startSession(loaded.agent, listenedTo);
  session = started;
  if (linked !== listenedTo) options.linkRecruiter(started, linked ?? null);
  transcript.attach(started);
  // The store's per-turn budget starts when the agent starts answering, not at the recruiter's
  // final transcript: the end of a spoken turn can come seconds later (talking over the agent, a
  // slow end-of-turn), and a budget started at the transcript failed that turn's tool calls as
  // "database unreachable" with the database up (seen in CI's interruption test). One budget for
  // the whole answer, tool steps included; it ends when the agent listens again, so later changes
  // (a hand edit, the next turn's calls) never find it spent.
  let answering = false;
  started.on(voice.AgentSessionEventTypes.AgentStateChanged, ({ newState }) => {
    if (newState === "thinking" && !answering) {
      answering = true;
      service.budget.startTurn(sessionId);
    }
    if (newState === "listening") {
      answering = false;
      service.budget.endTurn(sessionId);
    }
  });

  const hearChat = (text: string, senderIdentity: string): ChatHeard => {
    const verdict = admitChat(text, senderIdentity);
    if (!verdict.ok) {
      limited += 1;
      logger.warn("did not pass a chat line to the model", {
        identity: senderIdentity,
        reason: verdict.reason,
      });
      // Not interruptible: the next accepted line would otherwise cut it before it is heard or shown.
      if (verdict.notice) started.say(verdict.notice, { allowInterruptions: false, addToChatCtx: false });
      return { ok: false, reason: verdict.reason };
    }
    link(senderIdentity);
    service.budget.startTurn(sessionId);
    interruptUnlessNotice(started);
    started.generateReply({ userInput: verdict.text });
    return { ok: true };
  };
  chatReady(hearChat);
  // Typed lines by LiveKit's `lk.chat` too (any LiveKit client); the widget uses RPC_METHOD.chat.
  const hearChatStream = (text: string, senderIdentity: string, fromRecruiter: boolean) => {
    if (fromRecruiter) return void hearChat(text, senderIdentity);
    refused += 1;
    logger.warn("ignored chat from a participant who is not this session's recruiter", {
      identity: senderIdentity,
    });
  };
  room.onChatText((text, senderIdentity) => {
    const fromRecruiter = isRecruiter(senderIdentity);
    if (typeof fromRecruiter === "boolean") return hearChatStream(text, senderIdentity, fromRecruiter);
    return fromRecruiter.then((known) => hearChatStream(text, senderIdentity, known));
  });

  await options.beforeGreeting?.();
  started.say(loaded.greeting, { allowInterruptions: true });
  return {
    service,
    intake: loaded,
    session: started,
    transcript,
    get refused() {
      return refused;
    },
    get limited() {
      return limited;
    },
    get resent() {
      return resent;
    },
  };
}

/** Cuts the agent short for a new typed line; a refusal notice still playing finishes first (the reply queues behind it). */
function interruptUnlessNotice(session: voice.AgentSession): void {
  try {
    session.interrupt();
  } catch {
    // agents-js throws when the current speech disallows interruptions: only our notices do.
  }
}
