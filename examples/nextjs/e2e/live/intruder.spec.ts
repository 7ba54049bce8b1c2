/**
 * A participant who is not the agent joins the recruiter's room (over @livekit/rtc-node, with a
 * token minted for the room but without the session's attributes) and tries every door: profile
 * messages on the protocol topic as a data packet and as a text stream, the agent's RPCs, typed
 * chat. The widget ignores it, the agent refuses it, and nothing changes.
 */
import { Room } from "@livekit/rtc-node";
import { expect, test } from "@playwright/test";
import {
  DATA_TOPIC,
  encodeEditCommand,
  encodeMessage,
  PROTOCOL_VERSION,
  RPC_METHOD,
} from "@voice-onboarding/protocol";
import { AccessToken } from "livekit-server-sdk";
import {
  liveIntake,
  liveStack,
  modelRequests,
  openSignedIn,
  participantsOf,
  roomOfPage,
  scriptTurns,
} from "./stack";

test("a participant who is not the agent is ignored by the widget and refused by the agent", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  const roomName = await roomOfPage(page);
  const sessionId = roomName.replace(/^voice-onboarding-/, "");
  const agent = (await participantsOf(roomName)).find((participant) =>
    participant.identity.startsWith("agent-"),
  );
  if (!agent) throw new Error("the agent is not in the room");

  const state = liveStack();
  const token = new AccessToken(state.livekit.apiKey, state.livekit.apiSecret, { identity: "intruder" });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canPublishData: true,
    canSubscribe: true,
  });
  const intruder = new Room();
  await intruder.connect(state.livekit.url, await token.toJwt(), { autoSubscribe: false, dynacast: false });
  try {
    const forged = encodeMessage({
      v: PROTOCOL_VERSION,
      sessionId,
      seq: 1,
      at: new Date().toISOString(),
      source: "agent",
      type: "trait.created",
      data: {
        trait: { id: "forged", name: "Forged trait", description: "x", priority: "must_have", signals: [] },
      },
    });
    const local = intruder.localParticipant;
    if (!local) throw new Error("not connected");
    await local.publishData(new TextEncoder().encode(forged), { reliable: true, topic: DATA_TOPIC });
    await local.sendText(forged, { topic: DATA_TOPIC });
    const edit = encodeEditCommand({
      v: PROTOCOL_VERSION,
      sessionId,
      commandId: "intrusion",
      type: "requirements.update",
      data: { requirements: { jobTitle: "Intruder" } },
    });
    await expect(
      local.performRpc({ destinationIdentity: agent.identity, method: RPC_METHOD.edit, payload: edit }),
    ).rejects.toThrow(/only the recruiter/);
    await expect(
      local.performRpc({ destinationIdentity: agent.identity, method: RPC_METHOD.snapshot, payload: "" }),
    ).rejects.toThrow(/only the recruiter/);
    const requestsBefore = (await modelRequests()).length;
    await local.sendText(scriptTurns[0]?.user ?? "", { topic: "lk.chat" });

    await page.waitForTimeout(3000);
    // The widget did not take the forged trait; the agent did not run the line or the edit.
    await expect(widget.root.locator(".vo-card--traits")).not.toContainText("Forged trait");
    await expect(widget.root.locator(".vo-card--requirements")).not.toContainText("Intruder");
    await expect(widget.root.locator(".vo-card--company")).not.toContainText("about 45");
    expect((await modelRequests()).length).toBe(requestsBefore);
  } finally {
    await intruder.disconnect();
  }
});
