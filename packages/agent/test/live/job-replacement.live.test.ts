/**
 * A job process dies (SIGKILL) in the middle of an intake on a real livekit-server. Self-hosted
 * LiveKit never re-dispatches it, so the recruiter would sit with no agent; the next token request
 * through the real session service (`serve`) dispatches a new one, which resumes the stored
 * profile. Stand-ins: the model (scripted) and speech, as in worker.live.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { RoomEvent } from "@livekit/rtc-node";
import { foldMessages, type ProtocolMessage } from "@voice-onboarding/protocol";
import { RoomServiceClient } from "livekit-server-sdk";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../src/replay/script.js";
import { isOurAgent } from "../../src/server/agent-dispatch.js";
import type { ParticipantCredentials } from "../../src/server/tokens.js";
import { createPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { DEFAULT_SCRIPT, type LiveStack, type StackProcess, startLiveStack } from "../harness/live-stack.js";
import { freePort } from "../harness/process.js";
import { joinAsRecruiter, type RecruiterClient } from "./recruiter-client.js";

const API_KEY = "vo_live_test_key_0123456789";
let stack: LiveStack;
let serve: StackProcess;
let serviceUrl: string;
let store: PostgresStore;
let rooms: RoomServiceClient;
const clients: RecruiterClient[] = [];

beforeAll(async () => {
  stack = await startLiveStack();
  store = createPostgresStore({ connectionString: stack.databaseUrl });
  rooms = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
  const port = await freePort();
  const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
  serve = stack.spawn("serve", tsx, ["src/cli.ts", "serve"], {
    PORT: String(port),
    VOICE_ONBOARDING_API_KEY: API_KEY,
  });
  await serve.waitFor(/session service listening/, 60_000);
  serviceUrl = `http://127.0.0.1:${port}`;
}, 180_000);

afterEach((context) => {
  if (context.task.result?.state === "fail") {
    console.log(stack.worker.output().slice(-8000));
    console.log(serve.output().slice(-3000));
    console.log(stack.livekit.log().slice(-6000));
  }
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.leave().catch(() => {})));
  await store?.close();
  await stack?.stop();
}, 60_000);

const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));

async function call<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${serviceUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const lastSeq = (messages: ProtocolMessage[]) => Math.max(-1, ...messages.map((message) => message.seq));

/** The agent participants of ours the server lists in the room. */
async function agentsIn(roomName: string): Promise<string[]> {
  const participants = await rooms.listParticipants(roomName);
  return participants
    .filter((participant) => isOurAgent(participant, stack.agentName))
    .map((p) => p.identity);
}

/** Every process below `pid` (the worker's tsx wrapper, the worker, its job and inference processes). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The parent pid is the second field after the parenthesized command name.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function readdirProc(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/**
 * The job process serving the room: the agent's identity is `agent-<job id>`, and every log line
 * of a job process carries its pid and job id. It must be a job process below our worker.
 */
function jobProcessOf(agentIdentity: string): number {
  const jobId = agentIdentity.replace(/^agent-/, "");
  const line = stack.worker
    .output()
    .split("\n")
    .find((candidate) => candidate.includes(`"jobID":"${jobId}"`) && candidate.includes('"pid":'));
  const pid = Number(/"pid":(\d+)/.exec(line ?? "")?.[1]);
  if (!pid) throw new Error(`no log line of job ${jobId} names its process`);
  const workerPid = stack.worker.child.pid as number;
  if (!descendants(workerPid).includes(pid)) throw new Error(`process ${pid} is not below the worker`);
  const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  if (!command.includes("job_proc_lazy_main")) throw new Error(`process ${pid} is not a job process`);
  return pid;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new session through the service, and a recruiter in its room with the service's token. */
async function newSessionJoined() {
  const { sessionId } = await call<{ sessionId: string }>("/v1/sessions", {
    recruiter: script.session.recruiter,
    company: script.session.company,
    profile: { requirements: script.session.profile.requirements },
  });
  const credentials = await call<ParticipantCredentials>(`/v1/sessions/${sessionId}/token`);
  const recruiter = await joinAsRecruiter(credentials.serverUrl, credentials.participantToken);
  clients.push(recruiter);
  return { sessionId, credentials, recruiter };
}

describe("a job that dies is replaced through the session service", () => {
  it("the agent leaves, a token request dispatches a new one, which resumes the stored profile", async () => {
    const { sessionId, credentials, recruiter } = await newSessionJoined();
    const greeting = await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    expect(greeting).toMatch(/^Hey Maya!/);
    const [first, second, third] = script.turns;
    await recruiter.say(first?.user ?? "");
    await recruiter.waitFor("two company changes", () => lastSeq(recruiter.messages) >= 2);
    await recruiter.say(second?.user ?? "");
    await recruiter.waitFor("the requirements and a nuance", () => lastSeq(recruiter.messages) >= 4);
    // The old agent's reply to that turn streams after its changes: wait for it, or it could
    // arrive after the kill and be taken for the new agent's first line.
    await recruiter.waitFor("the second turn's reply", () =>
      recruiter.agentLines.includes(second?.assistant.say ?? ""),
    );
    const before = await store.load(sessionId);
    expect(before?.version).toBe(4);

    const { roomName } = credentials;
    const [oldAgent] = await agentsIn(roomName);
    if (!oldAgent) throw new Error("no agent in the room");
    const pid = jobProcessOf(oldAgent);
    const linesBefore = recruiter.agentLines.length;
    const messagesBefore = recruiter.messages.length;
    const leftClientSide = new Promise<number>((resolve) =>
      recruiter.room.on(RoomEvent.ParticipantDisconnected, (participant) => {
        if (participant.identity === oldAgent) resolve(Date.now());
      }),
    );

    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    await until(
      "the agent to leave",
      async () => ((await agentsIn(roomName)).length === 0 ? true : undefined),
      60_000,
    );
    const goneAt = Date.now();
    const seenGoneAt = await Promise.race([
      leftClientSide,
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5000)),
    ]);
    // Self-hosted LiveKit re-dispatches nothing: a few seconds later the room still has no agent.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await agentsIn(roomName)).toEqual([]);

    // What the widget's tokenFetcher does while the agent is away: ask the session service again.
    const askedAt = Date.now();
    await call<ParticipantCredentials>(`/v1/sessions/${sessionId}/token`);
    const answeredAt = Date.now();
    await serve.waitFor(new RegExp(`dispatched agent ${stack.agentName} to ${roomName}`), 5000);
    const newAgent = await until(
      "a new agent",
      async () => (await agentsIn(roomName)).find((identity) => identity !== oldAgent),
      60_000,
    );
    const joinedAt = Date.now();

    const resumed = await recruiter.waitFor(
      "the new agent's greeting",
      () => recruiter.agentLines[linesBefore],
    );
    const greetedAt = Date.now();
    expect(resumed).toMatch(/^Welcome back, Maya! Let's pick up where we left off\./);
    expect(recruiter.agentLines.slice(linesBefore).some((line) => line.startsWith("Hey Maya!"))).toBe(false);
    const snapshot = await recruiter.waitFor("the new agent's snapshot", () =>
      recruiter.messages.slice(messagesBefore).find((message) => message.type === "profile.snapshot"),
    );
    expect(snapshot.seq).toBe(4);
    expect(snapshot.type === "profile.snapshot" && snapshot.data.profile).toEqual(before);

    await recruiter.say(third?.user ?? "");
    await recruiter.waitFor("the third turn's changes", () => lastSeq(recruiter.messages) >= 6);
    const after = recruiter.messages
      .slice(messagesBefore)
      .filter((message) => message.type !== "profile.snapshot");
    expect(after.map((message) => message.seq)).toEqual([5, 6]);
    expect((await store.load(sessionId))?.version).toBe(6);
    expect(await agentsIn(roomName)).toEqual([newAgent]);

    console.log(
      [
        "job replacement timings (ms):",
        `  kill -> agent gone from the server's participant list: ${goneAt - killedAt}`,
        `  kill -> recruiter saw it leave: ${seenGoneAt - killedAt}`,
        `  token request answered in: ${answeredAt - askedAt}`,
        `  token request -> new agent listed in the room: ${joinedAt - askedAt}`,
        `  token request -> resume greeting heard: ${greetedAt - askedAt}`,
      ].join("\n"),
    );
  }, 150_000);

  it("killed in the middle of a tool call's commit: nothing half-written, the next job resumes from what is stored", async () => {
    const { sessionId, credentials, recruiter } = await newSessionJoined();
    await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    const [first, second, third] = script.turns;
    await recruiter.say(first?.user ?? "");
    await recruiter.waitFor("two company changes", () => lastSeq(recruiter.messages) >= 2);
    await recruiter.waitFor("the first turn's reply", () =>
      recruiter.agentLines.includes(first?.assistant.say ?? ""),
    );

    // Hold the profile's row: the next tool call's commit waits inside PostgreSQL for it.
    const holder = new pg.Client({ connectionString: stack.databaseUrl });
    const watcher = new pg.Client({ connectionString: stack.databaseUrl });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      await holder.query("begin");
      await holder.query("select 1 from public.job_profiles where session_id = $1 for update", [sessionId]);
      await recruiter.say(second?.user ?? "");
      await until(
        "a commit waiting on the held row",
        async () => {
          // Asked outside the holder's transaction: inside it, pg_stat_activity is a snapshot taken once.
          const { rows } = await watcher.query(
            `select count(*)::int as waiting from pg_stat_activity
              where wait_event_type = 'Lock' and query like '%commit_job_profile_change%'`,
          );
          return rows[0].waiting > 0 ? true : undefined;
        },
        30_000,
      );
      const [agent] = await agentsIn(credentials.roomName);
      if (!agent) throw new Error("no agent in the room");
      process.kill(jobProcessOf(agent), "SIGKILL");
    } finally {
      // The killed job's statement now runs to its end or is rolled back: either way, atomically.
      await holder.query("rollback").catch(() => {});
      await Promise.all([holder.end(), watcher.end()]);
    }
    await until(
      "the agent to leave",
      async () => ((await agentsIn(credentials.roomName)).length === 0 ? true : undefined),
      60_000,
    );

    // Whatever landed is whole: the log folds to the stored profile, versions contiguous.
    const stored = await store.load(sessionId);
    const log = await store.messages(sessionId);
    expect(log.map((message) => message.seq)).toEqual(log.map((_, index) => index));
    expect(foldMessages(null, log).profile).toEqual(stored);
    const version = stored?.version ?? -1;
    expect(version).toBeGreaterThanOrEqual(2);
    // Either is whole: PostgreSQL ran the killed job's statement once the row was free, or rolled it back.
    console.log(
      `job killed mid-commit: stored version ${version} (${version > 2 ? "the commit landed" : "rolled back"})`,
    );

    // The next token request dispatches a new job: it resumes from exactly that.
    const messagesBefore = recruiter.messages.length;
    const linesBefore = recruiter.agentLines.length;
    await call<ParticipantCredentials>(`/v1/sessions/${sessionId}/token`);
    const snapshot = await recruiter.waitFor(
      "the new agent's snapshot",
      () => recruiter.messages.slice(messagesBefore).find((message) => message.type === "profile.snapshot"),
      60_000,
    );
    expect(snapshot.type === "profile.snapshot" && snapshot.data.profile).toEqual(stored);
    const resumed = await recruiter.waitFor("the resume line", () => recruiter.agentLines[linesBefore]);
    expect(resumed).toMatch(/^Welcome back, Maya!/);
    await recruiter.say(third?.user ?? "");
    await recruiter.waitFor("the next turn's changes", () => lastSeq(recruiter.messages) >= version + 2);
    const later = await store.messages(sessionId);
    expect(later.map((message) => message.seq)).toEqual(later.map((_, index) => index));
    expect(foldMessages(null, later).profile).toEqual(await store.load(sessionId));
  }, 180_000);
});
