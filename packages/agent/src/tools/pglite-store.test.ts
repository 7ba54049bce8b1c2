import { foldMessages } from "@voice-onboarding/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteStore, type PgliteStore } from "../store/index.js";
import { createToolHarness } from "./testing/invoke.js";

// The same flows on the real embedded PostgreSQL: what comes back through JSON and SQL must
// still equal the fold of what was published.
describe("tools on the PGlite store", () => {
  let store: PgliteStore;
  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it("20 parallel tool calls: versions 1..20, and the stored log and profile equal the published fold", async () => {
    const h = await createToolHarness({ createStore: () => store });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? h.call("create_interview_stage", {
              name: `Stage ${index}`,
              description: "Checks",
              position: 1,
              duration_minutes: null,
            })
          : h.call("update_requirements", { salary_max: 100_000 + index, equity_range: "0.1%" }),
      ),
    );
    const stored = await h.service.load(h.sessionId);
    expect(stored.version).toBe(20);
    expect(stored.stages).toHaveLength(10);
    expect(h.publisher.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const log = await store.messages(h.sessionId);
    expect(log.slice(1)).toEqual(h.publisher.messages);
    expect(foldMessages(null, log)).toEqual({ status: "applied", profile: stored });
  });

  it("refused tool calls leave the stored profile untouched", async () => {
    const h = await createToolHarness({
      createStore: () => store,
      session: { sessionId: "pglite-2", recruiter: { firstName: "Lee" } },
    });
    await h.call("update_requirements", { experience_max: 4 });
    await h.refuses("update_requirements", { experience_min: 7 }, /already stored/);
    await h.refuses("complete_onboarding", {}, /Cannot complete yet/);
    expect((await store.load(h.sessionId))?.version).toBe(1);
  });
});
