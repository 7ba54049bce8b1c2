/**
 * The real worker (`voice-onboarding-agent start`, agents-js job processes) on a real
 * livekit-server with PostgreSQL, joined by recruiters over @livekit/rtc-node. Stand-ins: the
 * model (scripted, OpenAI wire format) and speech (OpenAI TTS / Deepgram wire formats).
 */
import { readFile } from "node:fs/promises";
import { PROTOCOL_VERSION, type ProtocolMessage } from "@voice-onboarding/protocol";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { parseScript } from "../../src/replay/script.js";
import { issueRecruiterToken } from "../../src/server/tokens.js";
import { ProfileService } from "../../src/service/index.js";
import { createPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
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
