/**
 * The real worker (`voice-onboarding-agent start`, agents-js job processes) on a real
 * livekit-server with PostgreSQL, joined by recruiters over @livekit/rtc-node. Stand-ins: the
 * model (scripted, OpenAI wire format) and speech (OpenAI TTS / Deepgram wire formats).
 */
import { PROTOCOL_VERSION } from "@voice-onboarding/protocol";
import { AccessToken } from "livekit-server-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { PROFILE_LOAD_NOTICES } from "../../src/worker/profile-load.js";
import { agentStatus, lastSeq, script, useLiveIntake } from "./live-intake.js";

const live = useLiveIntake();
const { newSession, join, modelRequests, waitForToolResults } = live;

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
    const sessionEventsAtGreeting = recruiter.sessionEvents();

    const [first, second] = script.turns;
    await recruiter.say(first?.user ?? "");
    await recruiter.waitFor("two company changes", () => lastSeq(recruiter.messages) >= 2);
    await recruiter.say(second?.user ?? "");
    await recruiter.waitFor("the requirements and a nuance", () => lastSeq(recruiter.messages) >= 4);
    const stored = await live.store.load(profile.sessionId);
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
    // agents-js's session events, which nobody here reads, stop once the session has started
    // (unread-outputs.ts): two turns' agent states, conversation items and metrics send none.
    expect(recruiter.sessionEvents()).toBe(sessionEventsAtGreeting);
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
    const token = new AccessToken(live.stack.livekit.apiKey, live.stack.livekit.apiSecret, {
      identity: "guest",
    });
    token.addGrant({ room: `voice-onboarding-${profile.sessionId}`, roomJoin: true, canPublishData: true });
    const guest = await live.joinWithToken(await token.toJwt());
    const requestsBefore = modelRequests().length;

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
    expect(modelRequests().length).toBe(requestsBefore);
    expect((await live.store.load(profile.sessionId))?.version).toBe(0);
    // The guest is not sent the profile either.
    expect(guest.messages).toEqual([]);
  }, 60_000);
});

describe("the profile database fails (PostgreSQL stopped and started again)", () => {
  afterEach(() => live.stack.postgres.restart());

  it("down when the job starts: the recruiter is told, the agent retries and greets once it is back", async () => {
    const profile = await newSession();
    await live.stack.postgres.halt();
    const recruiter = await join(profile);
    const notice = await recruiter.waitFor("the outage notice", () => recruiter.agentLines[0]);
    expect(notice).toBe(PROFILE_LOAD_NOTICES.unavailable);
    expect(agentStatus(recruiter)).toBe("store_unavailable");
    expect(recruiter.messages).toEqual([]);

    await live.stack.postgres.restart();
    const greeting = await recruiter.waitFor("the greeting", () => recruiter.agentLines[1], 45_000);
    expect(greeting).toMatch(/^Hey Maya!/);
    expect(agentStatus(recruiter)).toBe("ready");
    await recruiter.say(script.turns[0]?.user ?? "");
    await recruiter.waitFor("the first changes", () => lastSeq(recruiter.messages) >= 2);
    expect((await live.store.load(profile.sessionId))?.version).toBe(2);
  }, 120_000);

  it("down for a turn mid-intake: the model is told nothing was saved, and afterwards nothing is lost or duplicated", async () => {
    const profile = await newSession();
    const recruiter = await join(profile);
    await recruiter.waitFor("the greeting", () => recruiter.agentLines[0]);
    await recruiter.say(script.turns[0]?.user ?? "");
    await recruiter.waitFor("the first changes", () => lastSeq(recruiter.messages) >= 2);

    await live.stack.postgres.halt();
    const duringOutage = script.turns[1]?.user ?? "";
    await recruiter.say(duringOutage);
    // The turn goes on without the database (a few seconds of store budget, not minutes), and the
    // model heard the truth about each of its calls.
    const told = await waitForToolResults(duringOutage.slice(0, 40));
    expect(told).toHaveLength(2);
    expect(told.every((result) => result.includes("NOT saved"))).toBe(true);

    await live.stack.postgres.restart();
    await recruiter.say(script.turns[2]?.user ?? "");
    await recruiter.waitFor("changes after the outage", () => lastSeq(recruiter.messages) >= 4, 45_000);
    const stored = await live.store.load(profile.sessionId);
    // Versions contiguous and each published once: what the recruiter folded is what is stored.
    const seqs = recruiter.messages.filter((message) => message.seq > 0).map((message) => message.seq);
    expect(seqs).toEqual(Array.from({ length: stored?.version ?? 0 }, (_, index) => index + 1));
    // The requirements of the failed turn were not saved (and not invented later).
    expect(stored?.requirements.locationCity).toBeUndefined();
  }, 120_000);
});
