import { llm } from "@livekit/agents";
import { foldMessages, type ProtocolMessage } from "@voice-onboarding/protocol";
import { describe, expect, it } from "vitest";
import { MemoryProfileStore } from "../service/testing/memory-store.js";
import { createToolHarness } from "./testing/invoke.js";

describe("tools under load and outage", () => {
  it("20 parallel tool calls on one session lose nothing and publish versions 1..20 in order", async () => {
    const h = await createToolHarness();
    const calls = Array.from({ length: 20 }, (_, index) => {
      if (index % 3 === 0) return h.call("create_trait", { name: `Trait ${index}`, description: "Matters" });
      if (index % 3 === 1)
        return h.call("create_interview_stage", {
          name: `Stage ${index}`,
          description: "Checks",
          position: 1,
        });
      return h.call("capture_nuance", { category: "other", insight: `Insight ${index}` });
    });
    await Promise.all(calls);
    const stored = await h.service.load(h.sessionId);
    expect(stored.version).toBe(20);
    expect(stored.traits.length + stored.stages.length + stored.nuances.length).toBe(20);
    expect(stored.stages.map((stage) => stage.order)).toEqual(stored.stages.map((_, index) => index + 1));
    expect(h.publisher.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const [snapshot] = (await h.store.messages(h.sessionId)) as [ProtocolMessage];
    const folded = foldMessages(null, [snapshot, ...h.publisher.messages]);
    expect(folded).toEqual({ status: "applied", profile: stored });
    expect(await h.store.messages(h.sessionId, 0)).toEqual(h.publisher.messages);
  });

  it("an unreachable store mid-conversation gives a clear ToolError and no partial write", async () => {
    const store = new MemoryProfileStore();
    const h = await createToolHarness({ createStore: () => store });
    await h.call("create_trait", { name: "Ownership", description: "Drives work to done" });
    store.unavailable = true;
    const failures = await Promise.allSettled([
      h.call("update_requirements", { salary_min: 100_000, salary_max: 120_000 }),
      h.call("get_profile_status"),
    ]);
    const expected = [
      /^The profile database is unreachable; this was NOT saved\./,
      /cannot be read just now/,
    ];
    for (const [index, failure] of failures.entries()) {
      expect(failure.status).toBe("rejected");
      const reason = (failure as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(llm.ToolError);
      expect(reason.message).toMatch(expected[index] as RegExp);
    }
    store.unavailable = false;
    const profile = await h.service.load(h.sessionId);
    expect(profile.version).toBe(1);
    expect(profile.requirements.compensation).toBeUndefined();
    expect(h.publisher.messages).toHaveLength(1);
    expect(await h.call("update_requirements", { salary_min: 100_000 })).toMatch(
      /^Updated requirements: salary_min\./,
    );
  });
});
