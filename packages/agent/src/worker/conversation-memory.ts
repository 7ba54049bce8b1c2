import { voice } from "@livekit/agents";
import type { ServiceLogger, SettledChange } from "../service/index.js";
import type { ProfileStore, TranscriptTurn } from "../store/profile-store.js";

/** How many stored turns a resumed job puts back into the model's context. */
export const RESUME_TURNS = 12;
const MAX_TURN_CHARS = 8_000;

/**
 * Keeps the conversation in the store, one turn at a time and in order, so a replacement job
 * resumes with the last turns. A failed append is logged, never fatal: the profile is what matters.
 */
export class TranscriptRecorder {
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ProfileStore,
    private readonly sessionId: string,
    private readonly logger: ServiceLogger,
  ) {}

  record(turn: TranscriptTurn): void {
    const text = turn.text.trim().slice(0, MAX_TURN_CHARS);
    if (text.length === 0) return;
    this.#chain = this.#chain
      .then(() => this.store.appendTranscript(this.sessionId, { role: turn.role, text }))
      .catch((error: unknown) =>
        this.logger.warn("could not store a transcript turn", { error: String(error) }),
      );
  }

  /** Records every recruiter and agent message the session adds to its history. */
  attach(session: voice.AgentSession): void {
    session.on(voice.AgentSessionEventTypes.ConversationItemAdded, ({ item }) => {
      if (item.type !== "message" || (item.role !== "user" && item.role !== "assistant")) return;
      this.record({ role: item.role === "user" ? "recruiter" : "agent", text: item.textContent ?? "" });
    });
  }

  /** Resolves once every turn recorded so far is stored (or failed): part of the ordered shutdown. */
  flush(): Promise<void> {
    return this.#chain;
  }
}

/** Puts the session's last stored turns into the agent's context before it starts. Returns how many. */
export async function restoreLastTurns(
  store: ProfileStore,
  sessionId: string,
  agent: voice.Agent,
  logger: ServiceLogger,
): Promise<number> {
  let turns: TranscriptTurn[];
  try {
    turns = await store.transcriptTail(sessionId, RESUME_TURNS);
  } catch (error) {
    logger.warn("could not read the stored transcript; resuming without it", { error: String(error) });
    return 0;
  }
  if (turns.length === 0) return 0;
  const chatCtx = agent.chatCtx.copy();
  for (const turn of turns) {
    chatCtx.addMessage({ role: turn.role === "recruiter" ? "user" : "assistant", content: turn.text });
  }
  await agent.updateChatCtx(chatCtx);
  return turns.length;
}

/** What the model hears once the outcome of a change it was told was "not known yet" is found out. */
export function settledNote({ attempted, landed }: SettledChange): string {
  return landed
    ? `Update on the earlier save that had not been confirmed (${attempted.type}): it WAS saved. Do not save it again.`
    : `Update on the earlier save that had not been confirmed (${attempted.type}): it was NOT saved. If it still matters, call the tool again.`;
}
