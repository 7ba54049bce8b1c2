import { ParticipantKind } from "@livekit/rtc-node";
import { PARTICIPANT_ATTRIBUTE } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { createRecruiterCheck, type RoomParticipant } from "./recruiter-presence.js";

const SESSION = "session-1";
const recruiter = (identity: string, sessionId = SESSION): RoomParticipant => ({
  identity,
  kind: ParticipantKind.STANDARD,
  attributes: { [PARTICIPANT_ATTRIBUTE.role]: "recruiter", [PARTICIPANT_ATTRIBUTE.sessionId]: sessionId },
});

describe("createRecruiterCheck", () => {
  it("answers at once for participants the agent knows", () => {
    const room = {
      remoteParticipants: new Map([
        ["tab-1", recruiter("tab-1")],
        ["other-session", recruiter("other-session", "session-2")],
      ]),
    };
    const check = createRecruiterCheck(room, SESSION);
    expect(check.isRecruiter("tab-1")).toBe(true);
    expect(check.isRecruiter("other-session")).toBe(false);
  });

  it("waits for an unknown participant's join and judges it then", async () => {
    const remoteParticipants = new Map<string, RoomParticipant>();
    const check = createRecruiterCheck({ remoteParticipants }, SESSION, 10_000);
    const verdict = check.isRecruiter("tab-2");
    expect(verdict).toBeInstanceOf(Promise);
    remoteParticipants.set("tab-2", recruiter("tab-2"));
    check.joined("tab-2");
    await expect(verdict).resolves.toBe(true);
  });

  it("refuses an unknown participant that never joins, once the wait is over", async () => {
    const check = createRecruiterCheck({ remoteParticipants: new Map() }, SESSION, 20);
    const startedAt = Date.now();
    await expect(check.isRecruiter("ghost")).resolves.toBe(false);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(15);
  });
});
