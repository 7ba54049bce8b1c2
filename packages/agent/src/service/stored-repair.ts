import { type JobProfile, repairProfile } from "@voice-onboarding/protocol";
import type { ProfileStore } from "../store/profile-store.js";
import { guardStore } from "./change-checks.js";
import { snapshotMessage } from "./envelope.js";
import type { ServiceLogger } from "./profile-service.js";

export interface StoredRepairDeps {
  store: ProfileStore;
  now: () => Date;
  logger: ServiceLogger;
}

/**
 * A stored profile under today's rules. One an older release stored under looser ones (a remote
 * role with a city, a duplicate trait name, …) would fail every change's validation and every
 * snapshot's encoding, so it is repaired (`repairProfile`) and committed as a change of its own:
 * a `profile.snapshot` at the next version, so the log still folds to the stored profile and a
 * widget simply applies it. The change id is per version, so two processes repair it once.
 */
export async function underTodaysRules(profile: JobProfile, deps: StoredRepairDeps): Promise<JobProfile> {
  const { profile: repaired, repairs } = repairProfile(profile);
  if (repairs.length === 0) return profile;
  const next = { ...repaired, version: profile.version + 1 };
  const outcome = await guardStore(() =>
    deps.store.commit(
      profile.sessionId,
      profile.version,
      next,
      snapshotMessage(next, deps.now()),
      `repair-v${profile.version}`,
    ),
  );
  if (outcome.ok) {
    deps.logger.warn("repaired a profile stored under older rules", {
      sessionId: profile.sessionId,
      version: next.version,
      repairs,
    });
    return next;
  }
  // Another writer moved it first (or repaired it): what is stored now is the answer, repaired if need be.
  const current = await guardStore(() => deps.store.load(profile.sessionId));
  if (current === null || current.version === profile.version) {
    throw new Error(`could not repair the stored profile of session ${profile.sessionId}: ${outcome.reason}`);
  }
  return underTodaysRules(current, deps);
}
