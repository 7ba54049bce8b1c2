/**
 * The agent check behind token requests, against an in-memory stand-in of the LiveKit server APIs
 * (rooms, participants, dispatches). The real APIs are exercised on a real livekit-server in
 * test/live/job-replacement.live.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  createAgentDispatcher,
  type DispatchInfo,
  PARTICIPANT_KIND_AGENT,
  type ParticipantSummary,
} from "../../src/server/agent-dispatch.js";
import { fakeLiveKit, msToNs } from "./fake-livekit.js";

const AGENT = "voice-onboarding";
const ROOM = "voice-onboarding-s1";
const metadata = { sessionId: "s1" };

const recruiter: ParticipantSummary = {
  identity: "recruiter-1",
  kind: 0,
  attributes: { "voice-onboarding.role": "recruiter" },
};
const agent = (name = AGENT): ParticipantSummary => ({
  identity: "agent-AJ_1",
  kind: PARTICIPANT_KIND_AGENT,
  attributes: { "lk.agent.name": name },
});
/** A dispatch whose job was assigned `agoMs` before now (its participant may or may not be in the room). */
const assigned = (id: string, atMs: number, agentName = AGENT): DispatchInfo => ({
  id,
  agentName,
  state: {
    createdAt: msToNs(atMs),
    jobs: [
      {
        state: {
          participantIdentity: "agent-AJ_1",
          startedAt: msToNs(atMs + 50),
          updatedAt: msToNs(atMs + 50),
        },
      },
    ],
  },
});

function setup() {
  const clock = { now: 1_800_000_000_000 };
  const livekit = fakeLiveKit(clock);
  const dispatcher = createAgentDispatcher({ api: livekit.api, agentName: AGENT, now: () => clock.now });
  return { clock, livekit, dispatcher };
}

describe("ensureAgent", () => {
  it("leaves a room that does not exist to the token's roomConfig", async () => {
    const { livekit, dispatcher } = setup();
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("no_room");
    expect(livekit.calls).toEqual(["roomExists"]);
  });

  it("does nothing while our agent is in the room, by kind or by its agent-name attribute", async () => {
    const { livekit, dispatcher } = setup();
    livekit.createRoom(ROOM, [recruiter, agent()]);
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("present");
    livekit.createRoom(ROOM, [recruiter, { ...agent(), attributes: {} }]);
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("present");
    expect(livekit.calls.some((call) => call.startsWith("createDispatch"))).toBe(false);
  });

  it("dispatches when only another agent is in the room", async () => {
    const { livekit, dispatcher } = setup();
    livekit.createRoom(ROOM, [recruiter, agent("someone-elses-agent")]);
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("dispatched");
  });

  it("deletes the dead job's dispatch, then dispatches with the session id", async () => {
    const { clock, livekit, dispatcher } = setup();
    const other = { ...assigned("AD_other", clock.now - 60_000), agentName: "another-agent" };
    livekit.createRoom(ROOM, [recruiter], [assigned("AD_old", clock.now - 60_000), other]);
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("dispatched");
    expect(livekit.calls).toEqual([
      "roomExists",
      "listParticipants",
      "listDispatch",
      "deleteDispatch AD_old",
      `createDispatch AD_1 ${AGENT} {"sessionId":"s1"}`,
    ]);
  });

  it("waits for a dispatch that is young (launching, or its job still joining), and not for a dropped one", async () => {
    const { clock, livekit, dispatcher } = setup();
    // Created a second ago, no job yet: the server is still launching it.
    livekit.createRoom(
      ROOM,
      [recruiter],
      [{ id: "AD_new", agentName: AGENT, state: { createdAt: msToNs(clock.now - 1000), jobs: [] } }],
    );
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("pending");
    // Five seconds and still no job: LiveKit dropped it (no worker had capacity).
    clock.now += 4000;
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("dispatched");

    const later = setup();
    later.livekit.createRoom(ROOM, [recruiter], [assigned("AD_joining", later.clock.now - 4000)]);
    expect(await later.dispatcher.ensureAgent(ROOM, metadata)).toBe("pending");
    later.clock.now += 7000;
    expect(await later.dispatcher.ensureAgent(ROOM, metadata)).toBe("dispatched");
  });

  it("dispatches at most once per room per interval, and shares one check between concurrent requests", async () => {
    const { clock, livekit, dispatcher } = setup();
    livekit.createRoom(ROOM, [recruiter]);
    const outcomes = await Promise.all([1, 2, 3].map(() => dispatcher.ensureAgent(ROOM, metadata)));
    expect(outcomes).toEqual(["dispatched", "dispatched", "dispatched"]);
    // The new dispatch's job never arrives (say the worker died too).
    clock.now += 5000;
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("throttled");
    clock.now += 6000;
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("dispatched");
    expect(livekit.calls.filter((call) => call.startsWith("createDispatch"))).toHaveLength(2);
    expect(livekit.calls.filter((call) => call.startsWith("deleteDispatch"))).toEqual([
      "deleteDispatch AD_1",
    ]);
  });

  it("turns an API failure into 'failed', logged, never a rejection", async () => {
    const { livekit } = setup();
    const warnings: string[] = [];
    const dispatcher = createAgentDispatcher({
      api: livekit.api,
      agentName: AGENT,
      logger: { info: () => {}, warn: (line: string) => warnings.push(line) },
    });
    livekit.fail(new Error("connect ECONNREFUSED 127.0.0.1:7880"));
    expect(await dispatcher.ensureAgent(ROOM, metadata)).toBe("failed");
    expect(warnings[0]).toMatch(
      /could not check or dispatch the agent of voice-onboarding-s1: .*ECONNREFUSED/,
    );
  });
});
