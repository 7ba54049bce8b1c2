import "server-only";
import type { ReplayOutput } from "@voice-onboarding/widget";
import replay from "../../recordings/full-intake.recording.json";

/**
 * The realistic intake as the browser plays it: the agent's published messages and the
 * conversation around them (its opening and each turn's lines). The prompt and tool results stay
 * on the server.
 */
export const fullIntake: ReplayOutput = {
  messages: replay.messages,
  opening: replay.opening,
  transcript: replay.transcript,
};
