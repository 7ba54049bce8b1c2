import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseScript } from "../../src/replay/script.js";
import { type StandInModel, startStandInModel } from "../../src/replay/stand-in-server.js";
import { type LiveKitServer, startLiveKitServer } from "./livekit.js";
import { type PostgresServer, startPostgres, startSupabaseStandIn } from "./postgres.js";
import type { PostgrestServer } from "./postgrest.js";
import { freePort, run } from "./process.js";
import { type SpeechStandIns, startSpeechStandIns } from "./speech-stand-ins.js";

const AGENT_DIR = resolve(import.meta.dirname, "../..");
const ROOT = resolve(AGENT_DIR, "../..");
export const DEFAULT_SCRIPT = join(ROOT, "examples/recordings/full-intake.script.json");

export interface LiveStackOptions {
  /** The conversation the scripted model plays (a replay script); the full intake by default. */
  script?: string;
  /** Seconds LiveKit keeps an empty room (its departure timeout). */
  departureTimeout?: number;
  /** Prints each process's output with its name (for `pnpm live`). */
  echo?: boolean;
  /** Folder to write each process's output to (`<name>.log`), for a failing test to be read later. */
  logDir?: string;
  /** The model stand-in's fixed time to first token (benchmarks); none by default. */
  modelFirstTokenDelayMs?: number;
  /** The worker's TTS plugin, over the speech stand-in in that provider's wire format; openai by default. */
  ttsProvider?: "openai" | "elevenlabs";
  /**
   * How the worker reaches its profile store: PostgreSQL directly (DATABASE_URL, the default), or
   * through real PostgREST as supabase-js reaches Supabase (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY).
   */
  store?: "postgres" | "supabase";
}

/** A process of the stack, with its output kept for failure messages. */
export interface StackProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Resolves when a line of its output matches. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
}

export interface LiveStack {
  livekit: LiveKitServer;
  postgres: PostgresServer;
  /** PostgREST in front of `postgres`, when the stack runs with `store: "supabase"`. */
  postgrest?: PostgrestServer;
  model: StandInModel;
  speech: SpeechStandIns;
  /** The database itself, as its superuser (for a test to read what is stored, whichever `store`). */
  databaseUrl: string;
  agentName: string;
  worker: StackProcess;
  /** Environment of the worker; `serve` (and the example app's) get the same LiveKit and store settings. */
  env: Record<string, string>;
  /** Starts another process with the stack's environment (`serve`, the demo). */
  spawn(
    name: string,
    command: string,
    args: string[],
    env?: Record<string, string>,
    cwd?: string,
  ): StackProcess;
  stop(): Promise<void>;
}

function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  { echo = false, logDir }: Pick<LiveStackOptions, "echo" | "logDir">,
): StackProcess {
  // Its own process group, so stopping it stops the job processes it forked too.
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true });
  const lines: string[] = [];
  const logFile = logDir ? createWriteStream(join(logDir, `${name}.log`)) : undefined;
  const waiters = new Set<{ pattern: RegExp; done: () => void }>();
  const take = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    lines.push(text);
    logFile?.write(text);
    if (lines.length > 2000) lines.splice(0, lines.length - 2000);
    if (echo)
      for (const line of text.split("\n")) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    for (const waiter of waiters) if (waiter.pattern.test(text)) waiter.done();
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return {
    name,
    child,
    output: () => lines.join(""),
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolveWait, reject) => {
        if (pattern.test(lines.join(""))) return resolveWait();
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${name} did not print ${pattern} within ${timeoutMs} ms:\n${lines.join("").slice(-4000)}`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          pattern,
          done: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolveWait();
          },
        };
        waiters.add(waiter);
        child.once("exit", (code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(
            new Error(`${name} exited (${code}) before printing ${pattern}:\n${lines.join("").slice(-4000)}`),
          );
        });
      }),
  };
}

async function stopProcess(process_: StackProcess): Promise<void> {
  const { child } = process_;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL");
}

/**
 * The whole live path on this machine: a real livekit-server, a throwaway PostgreSQL with the
 * migrations, the real worker (`voice-onboarding-agent start`, its own job processes) talking to
 * local stand-ins for the model (the script, matched by the recruiter's line) and for speech.
 */
export async function startLiveStack(options: LiveStackOptions = {}): Promise<LiveStack> {
  const { echo = false, logDir } = options;
  if (logDir) await mkdir(logDir, { recursive: true });
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch(() => {});
  };
  try {
    const livekit = await startLiveKitServer({ departureTimeout: options.departureTimeout });
    stoppers.push(async () => {
      if (logDir) await writeFile(join(logDir, "livekit-server.log"), livekit.log());
      await livekit.stop();
    });
    // Through PostgREST, the stand-in applies the migrations and Supabase's roles itself.
    const supabase = options.store === "supabase" ? await startSupabaseStandIn() : undefined;
    const postgres = supabase?.postgres ?? (await startPostgres());
    stoppers.push(() => supabase?.stop() ?? postgres.stop());
    const script = parseScript(JSON.parse(await readFile(options.script ?? DEFAULT_SCRIPT, "utf8")));
    const model = await startStandInModel(script.turns, {
      matching: "user-text",
      firstTokenDelayMs: options.modelFirstTokenDelayMs,
    });
    stoppers.push(() => model.close());
    const speech = await startSpeechStandIns();
    stoppers.push(() => speech.close());

    const databaseUrl = postgres.uri;
    const agentName = `voice-onboarding-${randomBytes(4).toString("hex")}`;
    const env: Record<string, string> = {
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      VOICE_ONBOARDING_AGENT_NAME: agentName,
      // One store or the other: the worker refuses both set.
      ...(supabase
        ? { DATABASE_URL: "", SUPABASE_URL: supabase.url, SUPABASE_SERVICE_ROLE_KEY: supabase.serviceRoleKey }
        : { DATABASE_URL: databaseUrl, SUPABASE_URL: "" }),
      LLM_BASE_URL: model.baseURL,
      LLM_MODEL: model.model,
      DEEPGRAM_API_KEY: "stand-in",
      DEEPGRAM_BASE_URL: speech.sttBaseURL,
      TTS_PROVIDER: options.ttsProvider ?? "openai",
      ELEVEN_API_KEY: "stand-in",
      ELEVENLABS_BASE_URL: speech.elevenLabsBaseURL,
      OPENAI_API_KEY: "stand-in",
      OPENAI_BASE_URL: speech.ttsBaseURL,
      // A 2-core machine under test load is often at 100 % CPU; measured by CPU, the only worker
      // would report itself full and LiveKit would drop the dispatch.
      VOICE_ONBOARDING_MAX_JOBS: "40",
      VOICE_ONBOARDING_IDLE_PROCESSES: "1",
      VOICE_ONBOARDING_WORKER_PORT: String(await freePort()),
    };
    const tsx = join(AGENT_DIR, "node_modules/.bin/tsx");
    if (!supabase) {
      await run(tsx, ["src/cli.ts", "migrate"], { cwd: AGENT_DIR, env: { ...process.env, ...env } });
    }

    const processes: StackProcess[] = [];
    stoppers.push(async () => {
      await Promise.all(processes.map(stopProcess));
    });
    const spawnProcess = (
      name: string,
      command: string,
      args: string[],
      extra: Record<string, string> = {},
      cwd = AGENT_DIR,
    ) => {
      const started = startProcess(name, command, args, { ...env, ...extra }, cwd, { echo, logDir });
      processes.push(started);
      return started;
    };
    const worker = spawnProcess("worker", tsx, ["src/cli.ts", "start"]);
    await worker.waitFor(/registered worker/i, 60_000);
    return {
      livekit,
      postgres,
      postgrest: supabase?.postgrest,
      model,
      speech,
      databaseUrl,
      agentName,
      worker,
      env,
      spawn: spawnProcess,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
