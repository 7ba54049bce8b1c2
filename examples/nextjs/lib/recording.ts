import "server-only";
import replay from "../../recordings/full-intake.recording.json";

/** The agent's published messages for the realistic intake; only these go to the browser. */
export const fullIntakeMessages: readonly unknown[] = replay.messages;
