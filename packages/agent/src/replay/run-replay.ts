import { llm } from "@livekit/agents";
import { JobProfile, type ProtocolMessage } from "@voice-onboarding/protocol";
import { buildSystemPrompt } from "../prompt/index.js";
import { CapturingPublisher, type Publisher } from "../publish/publisher.js";
import { ProfileService } from "../service/index.js";
// Not the store barrel: it loads supabase-js, which prints a Node 20 deprecation warning on import.
import { createPgliteStore } from "../store/pglite.js";
import type { ProfileStore } from "../store/profile-store.js";
import { createIntakeTools } from "../tools/index.js";
import { createIntakeAgent } from "../worker/intake-agent.js";
import { ScriptedClock } from "./clock.js";
import { playTurns, ReplayError, type ToolResult, type TranscriptEntry } from "./conversation.js";
import { checkToolNames, parseScript, type ReplayScript } from "./script.js";
import { startStandInSession } from "./stand-in-session.js";

export interface ReplayOptions {
  /** Where the profile lives; an in-memory PGlite (closed afterwards) when absent. Not closed when given. */
  store?: ProfileStore;
  /** The system prompt for a profile; `buildSystemPrompt` when absent. */
  instructionsFor?: (profile: JobProfile) => string;
}

export interface ReplayResult {
  sessionId: string;
  /** What the agent said first, before the recruiter's first turn (`buildOpeningHook`). */
  opening: string;
  /** The profile as stored at the end. */
  profile: JobProfile;
  /** Every message the recruiter's browser would have received, in publish order, from the seq-0 snapshot on. */
  messages: ProtocolMessage[];
  toolResults: ToolResult[];
  transcript: TranscriptEntry[];
  /** The system prompt for the final profile. */
  prompt: string;
}

interface RecordedSessionParts {
  service: ProfileService;
  store: ProfileStore;
  publisher: Publisher;
}

/**
 * Creates a session from a script's (or persona's) session block and publishes its seq-0
 * snapshot: the service logs it but publishes nothing, and a recording starts from it.
 */
export async function createRecordedSession(
  { service, store, publisher }: RecordedSessionParts,
  sessionId: string,
  session: ReplayScript["session"],
): Promise<void> {
  await service.createSession({
    sessionId,
    recruiter: session.recruiter,
    company: session.company,
    requirements: session.profile.requirements,
  });
  const [snapshot] = await store.messages(sessionId, -1);
  if (snapshot?.type !== "profile.snapshot") {
    throw new Error(`the store logged no snapshot for session ${sessionId}`);
  }
  await publisher.publish(snapshot);
}

/**
 * Plays a scripted conversation through the real agent stack: ProfileService over a real store,
 * the intake tools, a real `voice.AgentSession` and the openai plugin talking to a local
 * stand-in model that replies with the script. Throws `ScriptError` for an invalid script.
 */
export async function runReplay(input: unknown, options: ReplayOptions = {}): Promise<ReplayResult> {
  const script = parseScript(input);
  const instructionsFor = options.instructionsFor ?? buildSystemPrompt;
  const store = options.store ?? (await createPgliteStore());
  try {
    const publisher = new CapturingPublisher();
    const clock = new ScriptedClock(new Date(script.session.startedAt ?? Date.now()));
    let nextId = 0;
    const service = new ProfileService({
      store,
      publisher,
      now: clock.now,
      // Sequential item ids keep regenerated recordings identical; they only need to be unique per profile.
      newId: () => `item-${++nextId}`,
    });
    const sessionId = script.session.id ?? crypto.randomUUID();
    // Tools touch the store only when called: check the script's tool names before creating anything.
    const tools = createIntakeTools({ service, sessionId });
    checkToolNames(script, new Set(Object.keys(llm.toToolContext(tools).functionTools)));
    await createRecordedSession({ service, store, publisher }, sessionId, script.session);

    let refreshFailure: unknown;
    const intake = await createIntakeAgent(service, sessionId, {
      instructionsFor,
      onRefreshError: (error) => {
        refreshFailure ??= error;
      },
    });
    const stand = await startStandInSession({ turns: script.turns, agent: intake.agent });
    try {
      // As in a live session, the agent speaks first; the model sees the line in its history.
      const opening = intake.greeting;
      await stand.session.say(opening).waitForPlayout();
      clock.speak(opening);
      const { toolResults, transcript } = await playTurns(stand.session, script.turns, (turn) => {
        if (turn > 0) clock.speak(script.turns[turn - 1]?.assistant.say ?? "");
        clock.speak(script.turns[turn]?.user ?? "");
      });
      if (refreshFailure !== undefined) {
        throw new ReplayError(`could not refresh the agent's instructions: ${String(refreshFailure)}`);
      }
      // Parsing puts the keys back in schema order (the jsonb column sorts them), for readable recordings.
      const profile = JobProfile.parse(await service.load(sessionId));
      return {
        sessionId,
        profile,
        opening,
        messages: [...publisher.messages],
        toolResults,
        transcript,
        prompt: instructionsFor(profile),
      };
    } finally {
      intake.dispose();
      await stand.close();
      // Tool calls cut short by a failure may still be writing; let them land before the store closes.
      await service.settled();
    }
  } finally {
    if (options.store === undefined) await store.close();
  }
}
