import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Persona, PersonaError, parsePersona } from "./persona.js";

/** A persona folder or file that cannot be used; the message names the file and the problem. */
export class PersonaLoadError extends Error {
  override readonly name = "PersonaLoadError";
}

/**
 * The personas shipped with the package (`evals/personas`), found from this module whether it
 * runs from `src/eval` or bundled in `dist`.
 */
export function defaultPersonaDir(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "evals", "personas");
    if (existsSync(candidate)) return candidate;
  }
  throw new PersonaLoadError(
    "cannot find the evals/personas folder of @voice-onboarding/agent; pass --personas",
  );
}

/** Every `*.json` persona in `dir`, validated, in file-name order; ids must be unique. */
export async function loadPersonas(dir: string): Promise<Persona[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PersonaLoadError(
      `cannot read persona folder ${dir}: ${code === "ENOENT" ? "no such folder" : String(error)}`,
    );
  }
  if (names.length === 0) throw new PersonaLoadError(`no *.json persona files in ${dir}`);
  const personas: Persona[] = [];
  for (const name of names) {
    const persona = await loadPersona(join(dir, name));
    const clash = personas.find((other) => other.id === persona.id);
    if (clash) throw new PersonaLoadError(`${join(dir, name)}: id "${persona.id}" is used twice`);
    personas.push(persona);
  }
  return personas;
}

async function loadPersona(path: string): Promise<Persona> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new PersonaLoadError(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parsePersona(json);
  } catch (error) {
    if (error instanceof PersonaError)
      throw new PersonaLoadError(`invalid persona ${path}: ${error.message}`);
    throw error;
  }
}
