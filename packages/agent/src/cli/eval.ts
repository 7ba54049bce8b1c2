import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { describeIssue } from "@voice-onboarding/protocol";
import type { Env } from "../config/index.js";
import { hasModelKeys, loadEvalModels } from "../eval/eval-config.js";
import { defaultPersonaDir, loadPersonas, PersonaLoadError } from "../eval/load-personas.js";
import { EvalReport } from "../eval/report.js";
import { formatComparison, formatReport } from "../eval/table.js";
import { EVAL_USAGE, UsageError } from "./usage.js";

export interface EvalIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Env;
}

const defaultIO: EvalIO = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/**
 * `eval`: plays every persona through the real agent and prints a table of scores; with model
 * keys a model role-plays each recruiter and a judge matches items, without them the scripted
 * stand-ins run. `eval --compare a.json b.json` prints how report b differs from report a.
 */
export async function evalCommand(args: string[], io: EvalIO = defaultIO): Promise<void> {
  const { values, positionals } = parseEvalArgs(args);
  if (values.compare) {
    const [a, b, ...extra] = positionals;
    if (a === undefined || b === undefined || extra.length > 0) {
      throw new UsageError(`--compare takes exactly two report files: ${EVAL_USAGE}`);
    }
    io.stdout.write(formatComparison(await readReport(a), await readReport(b)));
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": ${EVAL_USAGE}`);
  const runs = Number(values.runs ?? "1");
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    throw new UsageError(`--runs must be a whole number from 1 to 50, got "${values.runs}"`);
  }
  let personas: Awaited<ReturnType<typeof loadPersonas>>;
  try {
    personas = await loadPersonas(values.personas ?? defaultPersonaDir());
  } catch (error) {
    throw error instanceof PersonaLoadError ? new UsageError(error.message) : error;
  }
  const live = values.scripted || !hasModelKeys(io.env) ? undefined : loadEvalModels(io.env);
  io.stderr.write(
    live
      ? `measuring ${live.model.model} at ${live.model.baseURL}: ${personas.length} personas x ${runs}\n`
      : `scripted run (no model keys: set OPENROUTER_API_KEY or LLM_BASE_URL to measure a model): ${personas.length} personas x ${runs}\n`,
  );
  // Imported late so bad input is refused without loading agents-js and PGlite.
  const [{ runEval }, { createPgliteStore }] = await Promise.all([
    import("../eval/run-eval.js"),
    import("../store/pglite.js"),
  ]);
  const store = await createPgliteStore();
  try {
    const report = await runEval({
      personas,
      runs,
      store,
      live,
      onRun: (id, run, score) =>
        io.stderr.write(`  ${id} run ${run + 1}: score ${Math.round(score.overall * 100)}%\n`),
    });
    io.stdout.write(formatReport(report));
    if (values.out !== undefined) {
      await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
      io.stderr.write(`wrote ${values.out}\n`);
    }
  } finally {
    await store.close();
  }
}

function parseEvalArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        personas: { type: "string" },
        runs: { type: "string" },
        out: { type: "string" },
        compare: { type: "boolean" },
        scripted: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; usage: ${EVAL_USAGE}`);
  }
}

async function readReport(path: string): Promise<EvalReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read report ${path}: ${why}`);
  }
  const parsed = EvalReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(root)";
    throw new UsageError(
      `${path} is not an eval report (${where}: ${issue ? describeIssue(issue) : "invalid"})`,
    );
  }
  return parsed.data;
}
