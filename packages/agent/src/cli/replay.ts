import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseScript, type ReplayScript, ScriptError } from "../replay/script.js";
// Not the store barrel: it loads supabase-js, which prints a Node 20 deprecation warning on import.
import { createPgliteStore } from "../store/pglite.js";
import type { ProfileStore } from "../store/profile-store.js";
import { REPLAY_USAGE, UsageError } from "./usage.js";

/** `replay`: plays a scripted conversation through the real agent; the result JSON goes to stdout or `--out`. */
export async function replayCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(args);
  const [scriptPath, ...extra] = positionals;
  if (scriptPath === undefined || extra.length > 0) {
    throw new UsageError(`expected exactly one script file: ${REPLAY_USAGE}`);
  }
  const script = await readScript(scriptPath);
  const store = values.store === undefined ? undefined : await openStore(values.store);
  let json: string;
  try {
    // Imported late so bad input is refused without loading agents-js.
    const { runReplay } = await import("../replay/run-replay.js");
    json = `${JSON.stringify(await runReplay(script, { store }), null, 2)}\n`;
  } catch (error) {
    // Unknown tool names can only be found once the tools exist.
    if (error instanceof ScriptError) throw invalidScript(scriptPath, error);
    throw error;
  } finally {
    await store?.close();
  }
  if (values.out === undefined) {
    process.stdout.write(json);
  } else {
    await writeFile(values.out, json);
    process.stderr.write(`wrote ${values.out}\n`);
  }
}

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { store: { type: "string" }, out: { type: "string" } },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; usage: ${REPLAY_USAGE}`);
  }
}

async function readScript(path: string): Promise<ReplayScript> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read script ${path}: ${code === "ENOENT" ? "no such file" : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `script ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parseScript(json);
  } catch (error) {
    throw error instanceof ScriptError ? invalidScript(path, error) : error;
  }
}

function invalidScript(path: string, error: ScriptError): UsageError {
  return new UsageError(`invalid script ${path}: ${error.message}`);
}

async function openStore(spec: string): Promise<ProfileStore> {
  const match = /^pglite:(.+)$/.exec(spec);
  if (match?.[1] === undefined) {
    throw new UsageError(`--store must be pglite:<dir> (an embedded database folder), got "${spec}"`);
  }
  return createPgliteStore({ dataDir: match[1] });
}
