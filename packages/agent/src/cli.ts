#!/usr/bin/env node
import { setMaxListeners } from "node:events";
import {
  CHAT_USAGE,
  EVAL_USAGE,
  KEYS_USAGE,
  MIGRATE_USAGE,
  PURGE_USAGE,
  REPLAY_USAGE,
  SERVE_USAGE,
  UsageError,
} from "./cli/usage.js";

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  dev: {
    usage: "dev",
    summary:
      "run the voice agent worker in development mode (LiveKit, Deepgram, model and TTS from the environment)",
    run: runWorker,
  },
  start: {
    usage: "start",
    summary: "run the voice agent worker in production mode",
    run: runWorker,
  },
  replay: {
    usage: REPLAY_USAGE,
    summary: "play a scripted conversation through the real agent and print the recording as JSON",
    run: async (args) => (await import("./cli/replay.js")).replayCommand(args),
  },
  chat: {
    usage: CHAT_USAGE,
    summary:
      "talk to the real agent in the terminal (model from the environment, real tools and store, no LiveKit)",
    run: async (args) => (await import("./cli/chat.js")).chatCommand(args),
  },
  eval: {
    usage: EVAL_USAGE,
    summary:
      "score the agent against recruiter personas with ground truth (a model from the environment, or scripted stand-ins without keys)",
    run: async (args) => (await import("./cli/eval.js")).evalCommand(args),
  },
  serve: {
    usage: SERVE_USAGE,
    summary:
      "run the session & token service (HTTP on PORT; store from DATABASE_URL, SUPABASE_URL or embedded PGlite)",
    run: async (args) => (await import("./cli/serve.js")).serveCommand(args),
  },
  migrate: {
    usage: MIGRATE_USAGE,
    summary: "apply the SQL migrations (supabase/migrations) to the PostgreSQL database of DATABASE_URL",
    run: async (args) => (await import("./cli/migrate.js")).migrateCommand(args),
  },
  keys: {
    usage: KEYS_USAGE,
    summary:
      "create, list or revoke a tenant's API keys for the session service (store from the environment, as serve)",
    run: async (args) => (await import("./cli/tenant-admin.js")).keysCommand(args),
  },
  purge: {
    usage: PURGE_USAGE,
    summary:
      "erase sessions (profile, event log, transcript, webhook payloads) last changed longer ago than the age",
    run: async (args) => (await import("./cli/tenant-admin.js")).purgeCommand(args),
  },
};

/** Commands load when run: the voice plugins (and LiveKit) are slow to import. */
async function runWorker(): Promise<void> {
  const { workerCommand } = await import("./cli/worker.js");
  await workerCommand();
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.usage}\n      ${command.summary}`);
  return `usage: voice-onboarding-agent <command>\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? process.stderr : process.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`voice-onboarding-agent: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`voice-onboarding-agent ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`voice-onboarding-agent ${name}: ${message}\n`);
    return 1;
  }
}

// Each of a turn's parallel tool calls listens on the reply's abort signal; ten or more calls
// in one turn are normal for an intake, not a leak.
setMaxListeners(64);
// Exit code only: open handles are closed by the commands, so the process ends by itself.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
