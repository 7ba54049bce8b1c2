import { CompanyIntel, describeIssue, Id, Recruiter, Requirements } from "@voice-onboarding/protocol";
import * as z from "zod/mini";

/** Tool names as the OpenAI chat-completions API accepts them (a refinement keeps our message). */
const ToolName = z.string().check(
  z.refine((name) => /^[A-Za-z0-9_-]{1,64}$/.test(name), {
    message: "expected a tool name like update_requirements (letters, digits, _ and -, at most 64)",
  }),
);

export const ScriptToolCall = z.object({
  name: ToolName,
  /** Passed to the tool verbatim (JSON-encoded), so a script can also send arguments the tool rejects. */
  arguments: z._default(z.record(z.string(), z.unknown()), {}),
});
export type ScriptToolCall = z.infer<typeof ScriptToolCall>;

export const ScriptAssistantTurn = z
  .object({
    /** Emitted in one model response; agents-js runs them in parallel. */
    toolCalls: z._default(z.array(ScriptToolCall).check(z.maxLength(20)), []),
    /** Spoken after the tool results come back (or straight away when there are no tool calls). */
    say: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
  })
  .check(
    z.refine((turn) => turn.toolCalls.length > 0 || turn.say !== undefined, {
      message: "needs toolCalls or say",
      path: ["say"],
    }),
  );
export type ScriptAssistantTurn = z.infer<typeof ScriptAssistantTurn>;

export const ScriptTurn = z.object({
  user: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
  assistant: ScriptAssistantTurn,
});
export type ScriptTurn = z.infer<typeof ScriptTurn>;

export const ReplayScript = z.object({
  /** Free text for people reading the script; ignored by the replay. */
  description: z.optional(z.string()),
  session: z.object({
    /** Fixed session id, for reproducible recordings; a fresh UUID when absent. */
    id: z.optional(Id),
    /** Start of the replay's simulated timeline (message `at` times); now when absent. */
    startedAt: z.optional(z.iso.datetime({ offset: true })),
    recruiter: Recruiter,
    company: z.optional(CompanyIntel),
    /** What was already extracted (e.g. from the job description) before the conversation. */
    profile: z._default(z.object({ requirements: z.optional(Requirements) }), {}),
  }),
  turns: z.array(ScriptTurn).check(z.minLength(1), z.maxLength(200)),
});
export type ReplayScript = z.infer<typeof ReplayScript>;

/** An input file that is not valid; `path` is where the first problem is, e.g. `turns[2].assistant.say`. */
export class InvalidAtPath extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** The replay script is not valid. */
export class ScriptError extends InvalidAtPath {
  override readonly name = "ScriptError";
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** Validates a parsed JSON value; throws `ScriptError` naming the first bad path. */
export function parseScript(input: unknown): ReplayScript {
  const result = ReplayScript.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ScriptError(formatPath(issue?.path ?? []), issue ? describeIssue(issue) : "invalid script");
}

/** Rejects tool names the agent does not offer, before anything runs. */
export function checkToolNames(script: ReplayScript, offered: ReadonlySet<string>): void {
  script.turns.forEach((turn, turnIndex) => {
    turn.assistant.toolCalls.forEach((call, callIndex) => {
      if (!offered.has(call.name)) {
        throw new ScriptError(
          formatPath(["turns", turnIndex, "assistant", "toolCalls", callIndex, "name"]),
          `unknown tool "${call.name}"; the agent offers: ${[...offered].sort().join(", ")}`,
        );
      }
    });
  });
}
