import { foldMessages, type JobProfile } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../publish/publisher.js";
import { createPgliteStore, type PgliteStore } from "../store/index.js";
import { snapshotMessage } from "./envelope.js";
import { ProfileService } from "./index.js";

/** Stored by an older release: a remote role with a city, and two traits of one name. */
const stored = {
  sessionId: "old-session",
  recruiter: { firstName: "Dana" },
  requirements: { jobTitle: "SRE", workplaceType: "remote", locationCity: "Berlin" },
  traits: [
    { id: "t1", name: "Ownership", description: "d", priority: "must_have", signals: [] },
    { id: "t2", name: "ownership", description: "d", priority: "nice_to_have", signals: [] },
  ],
  stages: [],
  nuances: [],
  confirmedFields: [],
  status: "in_progress",
  version: 0,
} as unknown as JobProfile;

let store: PgliteStore | undefined;
afterEach(() => store?.close());

describe("a profile stored under older rules", () => {
  it("is repaired on load as a change of its own, once, and then takes changes again", async () => {
    store = await createPgliteStore();
    await store.create(stored, snapshotMessage(stored, new Date()));
    const warnings: string[] = [];
    const service = new ProfileService({
      store,
      publisher: new CapturingPublisher(),
      logger: { warn: (message) => warnings.push(message) },
    });

    const loaded = await service.load("old-session");
    expect(loaded.version).toBe(1);
    expect(loaded.requirements).toEqual({ jobTitle: "SRE", workplaceType: "remote" });
    expect(loaded.traits.map((trait) => trait.name)).toEqual(["Ownership", "ownership (2)"]);
    expect(warnings).toEqual(["repaired a profile stored under older rules"]);
    // The log still folds to what is stored; the snapshot for a widget encodes.
    const log = await store.messages("old-session");
    expect(log.map((message) => [message.seq, message.type])).toEqual([
      [0, "profile.snapshot"],
      [1, "profile.snapshot"],
    ]);
    expect(foldMessages(null, log).profile).toEqual(await store.load("old-session"));
    expect((await service.snapshot("old-session")).seq).toBe(1);
    expect((await service.load("old-session")).version).toBe(1);
    expect(warnings).toHaveLength(1);

    // Before the repair every change failed validation ("a remote role has no city").
    const outcome = await service.apply("old-session", "recruiter", () => ({
      type: "requirements.updated",
      data: { requirements: { ...loaded.requirements, visaSponsorship: true } },
    }));
    expect(outcome.profile.version).toBe(2);
  });
});
