import { describe, expect, it } from "vitest";
import { createHarness, SAMPLE_SESSION } from "../service/testing/fixtures.js";
import { followPrompt } from "./live-prompt.js";

describe("followPrompt", () => {
  it("rebuilds the prompt after each change to its session only, until unsubscribed", async () => {
    const { service, sessionId } = await createHarness();
    await service.createSession({ ...SAMPLE_SESSION, sessionId: "other" });
    const prompts: string[] = [];
    const errors: unknown[] = [];
    const stop = followPrompt(
      service,
      sessionId,
      (prompt) => prompts.push(prompt),
      (error) => errors.push(error),
    );
    const trait = {
      id: "t1",
      name: "Grit",
      description: "Keeps going",
      priority: "must_have" as const,
      signals: [],
    };
    await service.apply(sessionId, "recruiter", () => ({ type: "trait.created", data: { trait } }));
    await service.apply("other", "agent", () => ({ type: "trait.created", data: { trait } }));
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    await service.apply(sessionId, "agent", () => ({ type: "trait.deleted", data: { traitId: "t1" } }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain("- Grit (must_have): Keeps going");
    expect(errors).toEqual([]);
  });
});
