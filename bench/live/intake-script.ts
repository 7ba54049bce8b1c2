/** The script: what the recruiter types, and how many committed changes each turn makes. */
import { readFile } from "node:fs/promises";
import { parseScript, type ReplayScript } from "../../packages/agent/src/replay/script.js";

export interface IntakeScript {
  script: ReplayScript;
  /** The profile version once turn i's tool calls are committed (one version per change). */
  versionAfterTurn: number[];
  finalVersion: number;
}

/** Reads a replay script and its recording (beside it), which must agree on the number of changes. */
export async function loadIntakeScript(path: string): Promise<IntakeScript> {
  const script = parseScript(JSON.parse(await readFile(path, "utf8")));
  const recording = JSON.parse(
    await readFile(path.replace(/\.script\.json$/, ".recording.json"), "utf8"),
  ) as {
    messages: unknown[];
    toolResults: { turn: number; name: string; isError: boolean }[];
  };
  /** Tool calls that change the profile: every accepted call but the read-only status query. */
  const writes = recording.toolResults.filter(
    (result) => !result.isError && result.name !== "get_profile_status",
  );
  const versionAfterTurn = script.turns.map(
    (_, turn) => writes.filter((result) => result.turn <= turn).length,
  );
  const finalVersion = versionAfterTurn.at(-1) ?? 0;
  if (finalVersion !== recording.messages.length - 1) {
    throw new Error(
      `the recording has ${recording.messages.length - 1} changes, its tool results ${finalVersion}`,
    );
  }
  return { script, versionAfterTurn, finalVersion };
}
