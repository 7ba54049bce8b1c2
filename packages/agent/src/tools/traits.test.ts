import { describe, expect, it } from "vitest";
import { createToolHarness } from "./testing/invoke.js";

const distributed = { name: "Distributed Systems", description: "Designs systems that survive partitions" };

describe("trait tools", () => {
  it("creates a trait with defaults and says what is still needed", async () => {
    const h = await createToolHarness();
    const result = await h.call("create_trait", { ...distributed, priority: null, signals: null });
    expect(result).toBe(
      "Created trait Distributed Systems (must_have). Still needed: location, experience, compensation, visa, equity, interview_stages.",
    );
    expect((await h.service.load(h.sessionId)).traits).toEqual([
      { id: "id-1", ...distributed, priority: "must_have", signals: [] },
    ]);
  });

  it("updates instead of duplicating when the name exists, ignoring case and spacing", async () => {
    const h = await createToolHarness();
    await h.call("create_trait", { ...distributed, signals: ["Ran Kafka in production"] });
    const result = await h.call("create_trait", {
      name: "  distributed   SYSTEMS ",
      description: "Owns consistency trade-offs",
      priority: "nice_to_have",
      signals: ["ran kafka in production", "Wrote a consensus paper"],
    });
    expect(result).toMatch(/^Updated existing trait Distributed Systems \(nice_to_have\)\./);
    const { traits } = await h.service.load(h.sessionId);
    expect(traits).toHaveLength(1);
    expect(traits[0]).toMatchObject({
      name: "Distributed Systems",
      description: "Owns consistency trade-offs",
      signals: ["Ran Kafka in production", "Wrote a consensus paper"],
    });
  });

  it("refuses bad trait arguments with what is valid, writing nothing", async () => {
    const h = await createToolHarness();
    await h.refuses(
      "create_trait",
      { name: "Grit", description: "   " },
      /description: must have at least 1 character/,
    );
    await h.refuses(
      "create_trait",
      { ...distributed, priority: "critical" },
      /priority: .*"must_have".*"nice_to_have"/,
    );
    await h.refuses("create_trait", { description: "no name" }, /name: /);
  });

  it("update_trait changes the named trait and lists existing names when it is missing", async () => {
    const h = await createToolHarness();
    await h.call("create_trait", distributed);
    await h.call("create_trait", { name: "Ownership", description: "Drives work to done" });
    expect(
      await h.call("update_trait", {
        trait_name: "ownership",
        new_priority: "nice_to_have",
        add_signals: ["Led a launch"],
      }),
    ).toBe("Updated trait Ownership (nice_to_have, 1 signals).");
    await h.refuses(
      "update_trait",
      { trait_name: "Leadership", new_priority: "must_have" },
      /No trait named "Leadership"\. Existing traits: Distributed Systems, Ownership\./,
    );
    await h.refuses(
      "update_trait",
      { trait_name: "Ownership", new_description: null, add_signals: [] },
      /Nothing to update/,
    );
    await h.refuses("update_trait", { trait_name: "Ownership", new_description: "" }, /new_description: /);
  });

  it("delete_trait removes by name and explains a miss", async () => {
    const h = await createToolHarness();
    await h.refuses(
      "delete_trait",
      { trait_name: "Ghost" },
      /No trait named "Ghost"\. There are no traits yet\./,
    );
    await h.call("create_trait", distributed);
    expect(await h.call("delete_trait", { trait_name: "DISTRIBUTED systems" })).toMatch(
      /^Deleted trait Distributed Systems\. 0 traits remain\. Still needed: .*traits/,
    );
    expect((await h.service.load(h.sessionId)).traits).toEqual([]);
  });
});

describe("capture_nuance", () => {
  it("stores the insight with an optional verbatim quote", async () => {
    const h = await createToolHarness();
    expect(
      await h.call("capture_nuance", {
        category: "hidden_pref",
        insight: "Loves ex-Stripe people",
        verbatim_quote: null,
      }),
    ).toBe("Captured hidden_pref insight (1 insights so far).");
    await h.call("capture_nuance", {
      category: "red_flag",
      insight: "Job hoppers",
      verbatim_quote: "avoid hoppers",
    });
    expect((await h.service.load(h.sessionId)).nuances).toEqual([
      { id: "id-1", category: "hidden_pref", insight: "Loves ex-Stripe people" },
      { id: "id-2", category: "red_flag", insight: "Job hoppers", verbatimQuote: "avoid hoppers" },
    ]);
    await h.refuses(
      "capture_nuance",
      { category: "gossip", insight: "x" },
      /category: .*"culture_fit".*"urgency"/,
    );
    await h.refuses("capture_nuance", { category: "other", insight: " " }, /insight: /);
  });
});
