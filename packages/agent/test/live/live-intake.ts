/**
 * One live stack per test file, with the helpers its intakes share: a session made the way the
 * session service makes it, a recruiter joined over rtc-node, and what the scripted model was told.
 */
import { readFile } from "node:fs/promises";
import { type JobProfile, PARTICIPANT_ATTRIBUTE, type ProtocolMessage } from "@voice-onboarding/protocol";
import { afterAll, afterEach, beforeAll } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { parseScript } from "../../src/replay/script.js";
import type { ChatRequest } from "../../src/replay/stand-in-reply.js";
import { issueRecruiterToken, type ParticipantCredentials } from "../../src/server/tokens.js";
import { ProfileService } from "../../src/service/index.js";
import { createPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import {
  DEFAULT_SCRIPT,
  type LiveStack,
  type LiveStackOptions,
  startLiveStack,
} from "../harness/live-stack.js";
import { type JoinOptions, joinAsRecruiter, type RecruiterClient } from "./recruiter-client.js";

export const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));

export const lastSeq = (messages: ProtocolMessage[]) =>
  Math.max(-1, ...messages.map((message) => message.seq));

/** The agent's `voice-onboarding.status` as the recruiter sees it. */
export function agentStatus(recruiter: RecruiterClient): string | undefined {
  const agent = [...recruiter.room.remoteParticipants.values()].find((participant) =>
    participant.identity.startsWith("agent-"),
  );
  return agent?.attributes[PARTICIPANT_ATTRIBUTE.status];
}

/** Polls `check` (which may be async) until it gives a value. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface LiveIntake {
  readonly stack: LiveStack;
  /** The test's own view of the database (PostgreSQL directly, whichever way the worker reaches it). */
  readonly store: PostgresStore;
  readonly service: ProfileService;
  /** A session of the script's recruiter and company, as `POST /sessions` creates it. */
  newSession(): Promise<JobProfile>;
  /** A recruiter token for the session's room (it dispatches the agent), as the session service issues it. */
  tokenFor(profile: JobProfile): Promise<ParticipantCredentials>;
  /** The session's recruiter joins its room (dispatching the agent); left after the file. */
  join(profile: JobProfile, options?: JoinOptions): Promise<RecruiterClient>;
  /** Anyone with a token for the stack's LiveKit joins (left after the file). */
  joinWithToken(token: string, options?: JoinOptions): Promise<RecruiterClient>;
  /** Every chat request the scripted model received, in order. */
  modelRequests(): ChatRequest[];
  /** What the model was told about the tool calls of the turn that began with `userText` (once both were sent). */
  toolResultsAfter(userText: string): string[] | undefined;
  /** Waits for `toolResultsAfter(userText)`. */
  waitForToolResults(userText: string, timeoutMs?: number): Promise<string[]>;
}

/** Starts the stack before the file's tests (stopped after them); a failing test prints the worker's output. */
export function useLiveIntake(options: LiveStackOptions = {}): LiveIntake {
  let stack: LiveStack | undefined;
  let store: PostgresStore | undefined;
  let service: ProfileService | undefined;
  const clients: RecruiterClient[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the live stack is not started: use it inside a test");
    return value;
  };

  beforeAll(async () => {
    stack = await startLiveStack(options);
    store = createPostgresStore({ connectionString: stack.databaseUrl });
    service = new ProfileService({ store, publisher: new CapturingPublisher() });
  }, 120_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail" && stack) {
      console.log(stack.worker.output().slice(-6000));
      console.log(stack.livekit.log().slice(-6000));
      if (stack.postgrest) console.log(stack.postgrest.log().slice(-3000));
    }
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.leave().catch(() => {})));
    await store?.close();
    await stack?.stop();
  }, 60_000);

  const joinWithToken = async (token: string, options?: JoinOptions) => {
    const client = await joinAsRecruiter(started(stack).livekit.url, token, options);
    clients.push(client);
    return client;
  };
  const tokenFor = (profile: JobProfile) => {
    const { livekit, agentName } = started(stack);
    return issueRecruiterToken(profile, {
      livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      agentName,
      ttlSeconds: 600,
    });
  };
  const modelRequests = () => [...started(stack).model.requests];
  const toolResultsAfter = (userText: string) => {
    const messages = modelRequests().at(-1)?.messages ?? [];
    const turnStart = messages.findLastIndex((message) => message.role === "user");
    if (JSON.stringify(messages[turnStart]?.content ?? "").includes(userText) === false) return undefined;
    const results = messages
      .slice(turnStart + 1)
      .filter((message) => message.role === "tool")
      .map((message) => JSON.stringify(message.content));
    return results.length > 0 ? results : undefined;
  };

  return {
    get stack() {
      return started(stack);
    },
    get store() {
      return started(store);
    },
    get service() {
      return started(service);
    },
    newSession: () =>
      started(service).createSession({
        recruiter: script.session.recruiter,
        company: script.session.company,
        requirements: script.session.profile.requirements,
      }),
    tokenFor,
    join: async (profile, options) => joinWithToken((await tokenFor(profile)).participantToken, options),
    joinWithToken,
    modelRequests,
    toolResultsAfter,
    waitForToolResults: (userText, timeoutMs) =>
      until(`the tool results after "${userText}"`, () => toolResultsAfter(userText), timeoutMs),
  };
}
