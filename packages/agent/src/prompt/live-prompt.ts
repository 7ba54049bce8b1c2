import type { ProfileService } from "../service/index.js";
import { buildSystemPrompt } from "./system-prompt.js";

/**
 * Calls `update` with a fresh system prompt after every committed change to `sessionId`
 * (e.g. `agent.updateInstructions`). One service serves many sessions, so others are skipped.
 * Returns the unsubscribe function.
 */
export function followPrompt(
  service: ProfileService,
  sessionId: string,
  update: (prompt: string) => unknown,
  onError: (error: unknown) => void = (error) => console.warn("refreshing the agent prompt failed", error),
): () => void {
  return service.onChange(({ profile }) => {
    if (profile.sessionId !== sessionId) return;
    Promise.resolve()
      .then(() => update(buildSystemPrompt(profile)))
      .catch(onError);
  });
}
