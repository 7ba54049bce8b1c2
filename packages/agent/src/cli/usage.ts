/** Bad command line or input file: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Each command's synopsis, here so `cli.ts` can print them without loading the commands. */
export const CHAT_USAGE = "chat [--session <id>] [--recruiter <first name>] [--company <name>]";
export const EVAL_USAGE =
  "eval [--personas <dir>] [--runs N] [--out report.json] [--scripted] | eval --compare <a.json> <b.json>";
export const MIGRATE_USAGE = "migrate";
export const REPLAY_USAGE = "replay <script.json> [--store pglite:<dir>] [--out <file>]";
export const SERVE_USAGE = "serve";
export const KEYS_USAGE =
  "keys create|list --tenant <id> [--label <text>] | keys revoke <key-id> --tenant <id>";
export const PURGE_USAGE = "purge --older-than <age, e.g. 30d> [--tenant <id>]";
