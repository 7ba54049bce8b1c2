import { isDeepStrictEqual } from "node:util";
import { initializeLogger, loggerOptions, voice } from "@livekit/agents";
import {
  applyMessage,
  type EditCommand,
  JobProfile,
  missingFields,
  PROTOCOL_VERSION,
  type ProtocolMessage,
  REQUIRED_FIELDS,
  type RequiredField,
} from "@voice-onboarding/protocol";
import { describeEdit, planForEdit } from "../edits/index.js";
import { buildSystemPrompt } from "../prompt/index.js";
import { CapturingPublisher } from "../publish/publisher.js";
import { type ConversationResult, playTurn } from "../replay/conversation.js";
import { createRecordedSession } from "../replay/run-replay.js";
import { ProfileService } from "../service/index.js";
import type { ProfileStore } from "../store/profile-store.js";
import { createIntakeAgent } from "../worker/intake-agent.js";
import { type ContextStats, ObservedLLM } from "./observed-llm.js";
import type { Persona } from "./persona.js";
import type { Recruiter } from "./recruiter.js";

export interface ModelEndpoint {
  baseURL: string;
  apiKey: string;
  model: string;
  temperature?: number;
}

export interface SessionOptions {
  store: ProfileStore;
  sessionId: string;
  model: ModelEndpoint;
  recruiter: Recruiter;
  maxToolSteps?: number;
  /** Passed to the intake agent: whether a committed change reaches the model within the turn. */
  refreshWithinTurn?: boolean;
  /** The system prompt for a profile; `buildSystemPrompt` when absent. */
  instructionsFor?: (profile: JobProfile) => string;
}

export interface SessionRun extends ConversationResult {
  personaId: string;
  sessionId: string;
  profile: JobProfile;
  /** Every message the recruiter's browser received, from the seq-0 snapshot on. */
  messages: ProtocolMessage[];
  /** Required fields filled after each recruiter line (index = line). */
  filledAfterTurn: RequiredField[][];
  turnsPlayed: number;
  /** Recruiter lines until `onboarding.completed` committed; null when it never did. */
  completedAfterTurns: number | null;
  context: ContextStats;
  /** The stored profile equals the fold of the published messages. */
  invariantHeld: boolean;
}

/**
 * One intake with one persona through the real agent: ProfileService over the given store, the
 * intake tools and prompt, a `voice.AgentSession` in text mode and the openai plugin pointed at
 * `model` (a hosted model or the local stand-in). The recruiter speaks until they stop, the
 * intake completes or the persona's turn limit is reached.
 */
export async function runSession(persona: Persona, options: SessionOptions): Promise<SessionRun> {
  const { store, sessionId } = options;
  // Outside `cli.runApp` nobody sets up the agents-js logger; it writes to stdout, so keep it silent.
  if (loggerOptions() === undefined) initializeLogger({ pretty: false, level: "silent" });
  const instructionsFor = options.instructionsFor ?? buildSystemPrompt;
  const publisher = new CapturingPublisher();
  const service = new ProfileService({ store, publisher });
  await createRecordedSession({ service, store, publisher }, sessionId, persona.session);
  let latest = await service.load(sessionId);
  const stopFollowing = service.onChange(({ profile }) => {
    if (profile.sessionId === sessionId) latest = profile;
  });
  const intake = await createIntakeAgent(service, sessionId, {
    instructionsFor,
    refreshWithinTurn: options.refreshWithinTurn,
  });
  const model = new ObservedLLM({
    ...options.model,
    current: () => ({ profile: latest, prompt: instructionsFor(latest) }),
  });
  const session = new voice.AgentSession({ llm: model, vad: null, maxToolSteps: options.maxToolSteps ?? 10 });
  const result: ConversationResult = { toolResults: [], transcript: [] };
  const filledAfterTurn: RequiredField[][] = [];
  let completedAfterTurns: number | null = null;
  try {
    await session.start({ agent: intake.agent });
    await session.say(intake.greeting).waitForPlayout();
    result.transcript.push({ turn: -1, role: "assistant", text: intake.greeting });
    for (let turn = 0; turn < persona.maxTurns; turn++) {
      await applyEdits(persona, turn, { service, sessionId, tellModel: intake.tellModel });
      const line = await options.recruiter.next({ turn, transcript: result.transcript });
      if (line === null) break;
      await playTurn(session, turn, line, result);
      const profile = await service.current(sessionId);
      filledAfterTurn.push(REQUIRED_FIELDS.filter((field) => !missingFields(profile).includes(field)));
      if (profile.status === "completed" && completedAfterTurns === null) {
        completedAfterTurns = turn + 1;
        break;
      }
    }
  } finally {
    intake.dispose();
    stopFollowing();
    await session.close();
    await service.settled();
  }
  const profile = JobProfile.parse(await service.load(sessionId));
  const messages = [...publisher.messages];
  return {
    personaId: persona.id,
    sessionId,
    profile,
    messages,
    ...result,
    filledAfterTurn,
    turnsPlayed: filledAfterTurn.length,
    completedAfterTurns,
    context: { ...model.stats },
    invariantHeld: foldEquals(messages, profile),
  };
}

interface EditTarget {
  service: ProfileService;
  sessionId: string;
  tellModel(note: string): Promise<void>;
}

/** The recruiter's hand edits due before `turn`, through the same path as the widget's edit RPC. */
async function applyEdits(persona: Persona, turn: number, { service, sessionId, tellModel }: EditTarget) {
  for (const [index, edit] of persona.edits.entries()) {
    if (edit.beforeTurn !== turn) continue;
    const command: EditCommand = {
      v: PROTOCOL_VERSION,
      sessionId,
      commandId: `eval-edit-${index}`,
      type: "requirements.update",
      data: { requirements: edit.requirements },
    };
    const change = await service.apply(sessionId, "recruiter", planForEdit(command));
    if (change.message) await tellModel(describeEdit(command, change.previous));
  }
}

/** Whether folding the published messages from the first snapshot gives the stored profile. */
export function foldEquals(messages: readonly ProtocolMessage[], stored: JobProfile): boolean {
  const [first, ...rest] = messages;
  if (first?.type !== "profile.snapshot") return false;
  let profile = first.data.profile;
  for (const message of rest) {
    const result = applyMessage(profile, message);
    if (result.status !== "applied") return false;
    profile = result.profile;
  }
  return isDeepStrictEqual(JobProfile.parse(profile), stored);
}
