/**
 * The real worker (`voice-onboarding-agent start`, agents-js job processes) on a real
 * livekit-server with PostgreSQL, joined by recruiters over @livekit/rtc-node. Stand-ins: the
 * model (scripted, OpenAI wire format) and speech (OpenAI TTS / Deepgram wire formats).
 */
import { readFile } from "node:fs/promises";
import { PARTICIPANT_ATTRIBUTE, PROTOCOL_VERSION, type ProtocolMessage } from "@voice-onboarding/protocol";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { parseScript } from "../../src/replay/script.js";
import { issueRecruiterToken } from "../../src/server/tokens.js";
import { ProfileService } from "../../src/service/index.js";
import { createPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { PROFILE_LOAD_NOTICES } from "../../src/worker/profile-load.js";
import { DEFAULT_SCRIPT, type LiveStack, startLiveStack } from "../harness/live-stack.js";
import { joinAsRecruiter, type RecruiterClient } from "./recruiter-client.js";

let stack: LiveStack;
let store: PostgresStore;
let service: ProfileService;
const clients: RecruiterClient[] = [];

beforeAll(async () => {
  stack = await startLiveStack();
  store = createPostgresStore({ connectionString: stack.databaseUrl });
  service = new ProfileService({ store, publisher: new CapturingPublisher() });
}, 120_000);

afterEach((context) => {
  // A failing live test shows what the worker said.
  if (context.task.result?.state === "fail") {
    console.log(stack.worker.output().slice(-6000));
    console.log(stack.livekit.log().slice(-6000));
  }
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.leave().catch(() => {})));
  await store?.close();
  await stack?.stop();
}, 60_000);

const script = parseScript(JSON.parse(await readFile(DEFAULT_SCRIPT, "utf8")));

async function newSession() {
  const profile = await service.createSession({
    recruiter: script.session.recruiter,
    company: script.session.company,
    requirements: script.session.profile.requirements,
  });
  return profile;
}

async function join(profile: Awaited<ReturnType<typeof newSession>>) {
  const credentials = await issueRecruiterToken(profile, {
    livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
    agentName: stack.agentName,
    ttlSeconds: 600,
  });
  const client = await joinAsRecruiter(credentials.serverUrl, credentials.participantToken);
  clients.push(client);
  return client;
}

const modelRequests = async () =>
  (await (await fetch(`${new URL(stack.model.baseURL).origin}/stand-in/requests`)).json()) as unknown[];

const lastSeq = (messages: ProtocolMessage[]) => Math.max(-1, ...messages.map((message) => message.seq));

describe("the worker on a real LiveKit server", () => {
  it("is dispatched by the token, snapshots, greets, and turns typed lines into committed, published changes", async () => {
    const profile = await newSession();
    const recruiter = await join(profile);
    const snapshot = await recruiter.waitFor("the snapshot", () =>
      recruiter.messages.find((message) => message.type === "profile.snapshot"),
    );
    expect(snapshot.sessionId).toBe(profile.sessionId);
    const greeting = await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    expect(greeting).toMatch(/^Hey Maya! I pulled some info on Ledgerline/);

    const [first, second] = script.turns;
    await recruiter.say(first?.user ?? "");
    await recruiter.waitFor("two company changes", () => lastSeq(recruiter.messages) >= 2);
    await recruiter.say(second?.user ?? "");
    await recruiter.waitFor("the requirements and a nuance", () => lastSeq(recruiter.messages) >= 4);
    const stored = await store.load(profile.sessionId);
    expect(stored?.version).toBe(4);
    expect(stored?.company?.teamSize).toBe("about 45");
    expect(stored?.requirements).toMatchObject({
      workplaceType: "hybrid",
      locationCity: "San Francisco",
      onsiteDaysPerWeek: 3,
    });
    // What the recruiter received folds to what is stored.
    expect(recruiter.messages.filter((message) => message.seq > 0).map((message) => message.seq)).toEqual([
      1, 2, 3, 4,
    ]);
  }, 90_000);

  it("serves every tab, keeps the session when the agent's listener leaves, and resumes rather than greeting anew", async () => {
    const profile = await newSession();
    const first = await join(profile);
    await first.waitFor("the greeting", () => first.agentLines[0]);
    await first.say(script.turns[0]?.user ?? "");
    await first.waitFor("the first changes", () => lastSeq(first.messages) >= 2);

    const second = await join(profile);
    await second.waitFor("the second tab's snapshot", () =>
      second.messages.find((message) => message.type === "profile.snapshot" && message.seq === 2),
    );
    // The first tab leaves (a reload): the second still talks to the same agent, both would hear changes.
    await first.leave();
    await second.say(script.turns[1]?.user ?? "");
    await second.waitFor("changes after the first tab left", () => lastSeq(second.messages) >= 4);

    const edit = await second.edit({
      v: PROTOCOL_VERSION,
      sessionId: profile.sessionId,
      commandId: "edit-1",
      type: "requirements.update",
      data: { requirements: { jobTitle: "Staff Backend Engineer" } },
    });
    expect(JSON.parse(edit)).toMatchObject({ ok: true, seq: 5 });
    await second.waitFor("the edit's message", () =>
      second.messages.find((message) => message.seq === 5 && message.source === "recruiter"),
    );
    // Not greeted as new: the agent spoke its opening once, in the first tab.
    expect(second.agentLines.some((line) => line.startsWith("Hey Maya!"))).toBe(false);
  }, 90_000);

  it("a participant who is not this session's recruiter is refused and changes nothing", async () => {
    const profile = await newSession();
    const recruiter = await join(profile);
    await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    // Someone with a token for this room but not from our session service (no recruiter attributes).
    const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { identity: "guest" });
    token.addGrant({ room: `voice-onboarding-${profile.sessionId}`, roomJoin: true, canPublishData: true });
    const guest = await joinAsRecruiter(stack.livekit.url, await token.toJwt());
    clients.push(guest);
    const requestsBefore = (await modelRequests()).length;

    await expect(
      guest.edit({
        v: PROTOCOL_VERSION,
        sessionId: profile.sessionId,
        commandId: "intrusion",
        type: "requirements.update",
        data: { requirements: { jobTitle: "Intruder" } },
      }),
    ).rejects.toThrow(/only the recruiter/);
    await guest.say(script.turns[0]?.user ?? "");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await modelRequests()).length).toBe(requestsBefore);
    expect((await store.load(profile.sessionId))?.version).toBe(0);
    // The guest is not sent the profile either.
    expect(guest.messages).toEqual([]);
  }, 60_000);
});

/** The agent's `voice-onboarding.status` as the recruiter sees it. */
function agentStatus(recruiter: RecruiterClient): string | undefined {
  const agent = [...recruiter.room.remoteParticipants.values()].find((participant) =>
    participant.identity.startsWith("agent-"),
  );
  return agent?.attributes[PARTICIPANT_ATTRIBUTE.status];
}

/** What the model was told about the tool calls of the turn that began with `userText` (once both were sent). */
async function toolResultsAfter(userText: string): Promise<string[] | undefined> {
  const requests = (await modelRequests()) as { messages?: { role: string; content?: unknown }[] }[];
  const messages = requests.at(-1)?.messages ?? [];
  const turnStart = messages.findLastIndex((message) => message.role === "user");
  if (JSON.stringify(messages[turnStart]?.content ?? "").includes(userText) === false) return undefined;
  const results = messages
    .slice(turnStart + 1)
    .filter((message) => message.role === "tool")
    .map((message) => JSON.stringify(message.content));
  return results.length > 0 ? results : undefined;
}

describe("the profile database fails (PostgreSQL stopped and started again)", () => {
  afterEach(() => stack.postgres.restart());

  it("down when the job starts: the recruiter is told, the agent retries and greets once it is back", async () => {
    const profile = await newSession();
    await stack.postgres.halt();
    const recruiter = await join(profile);
    const notice = await recruiter.waitFor("the outage notice", () => recruiter.agentLines[0]);
    expect(notice).toBe(PROFILE_LOAD_NOTICES.unavailable);
    expect(agentStatus(recruiter)).toBe("store_unavailable");
    expect(recruiter.messages).toEqual([]);

    await stack.postgres.restart();
    const greeting = await recruiter.waitFor("the greeting", () => recruiter.agentLines[1], 45_000);
    expect(greeting).toMatch(/^Hey Maya!/);
    expect(agentStatus(recruiter)).toBe("ready");
    await recruiter.say(script.turns[0]?.user ?? "");
    await recruiter.waitFor("the first changes", () => lastSeq(recruiter.messages) >= 2);
    expect((await store.load(profile.sessionId))?.version).toBe(2);
  }, 120_000);

  it("down for a turn mid-intake: the model is told nothing was saved, and afterwards nothing is lost or duplicated", async () => {
    const profile = await newSession();
    const recruiter = await join(profile);
    await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    await recruiter.say(script.turns[0]?.user ?? "");
    await recruiter.waitFor("the first changes", () => lastSeq(recruiter.messages) >= 2);

    await stack.postgres.halt();
    const duringOutage = script.turns[1]?.user ?? "";
    await recruiter.say(duringOutage);
    // The turn goes on without the database (a few seconds of store budget, not minutes), and the
    // model heard the truth about each of its calls.
    const deadline = Date.now() + 30_000;
    let told = await toolResultsAfter(duringOutage.slice(0, 40));
    for (; told === undefined; told = await toolResultsAfter(duringOutage.slice(0, 40))) {
      if (Date.now() > deadline) throw new Error("timed out waiting for the outage turn's tool results");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(told).toHaveLength(2);
    expect(told.every((result) => result.includes("NOT saved"))).toBe(true);

    await stack.postgres.restart();
    await recruiter.say(script.turns[2]?.user ?? "");
    await recruiter.waitFor("changes after the outage", () => lastSeq(recruiter.messages) >= 4, 45_000);
    const stored = await store.load(profile.sessionId);
    // Versions contiguous and each published once: what the recruiter folded is what is stored.
    const seqs = recruiter.messages.filter((message) => message.seq > 0).map((message) => message.seq);
    expect(seqs).toEqual(Array.from({ length: stored?.version ?? 0 }, (_, index) => index + 1));
    // The requirements of the failed turn were not saved (and not invented later).
    expect(stored?.requirements.locationCity).toBeUndefined();
  }, 120_000);
});
