import { setTimeout as sleep } from "node:timers/promises";
import { ProfileUnavailableError } from "../service/index.js";

/** What the recruiter reads while the job cannot load the profile, and when it gives up. */
export const PROFILE_LOAD_NOTICES = {
  unavailable:
    "I can't load this hiring profile right now: its database isn't answering. I'll keep trying for a minute or two. Nothing you've entered is lost.",
  givenUp:
    "I still can't reach the profile database, so I'm ending this call. Nothing you've entered is lost: press Start again in a few minutes.",
} as const;

/** Waits between load attempts: quick at first (a blip), then every 15 s; about 2 minutes in all. */
export const PROFILE_LOAD_BACKOFF_MS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000,
];

/** The agent's `voice-onboarding.status` attribute while it loads: the widget shows why it waits. */
export type LoadStatus = "loading" | "store_unavailable" | "ready";

export interface ProfileLoadOptions<T> {
  load(): Promise<T>;
  /** Tells the recruiter in text (the voice pipeline has not started yet). */
  tell(text: string): Promise<unknown>;
  setStatus(status: LoadStatus): Promise<unknown>;
  backoffMs?: readonly number[];
  logger: { warn(message: string, detail?: Record<string, unknown>): void };
}

export type ProfileLoadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Loads the profile at job start, riding out a database outage: the recruiter is told once what
 * is wrong, the load is retried with backoff, and the job ends with a clear reason (and a last
 * word to the recruiter) only when the outage outlasts the backoff. Anything but an outage (an
 * unknown session, a bug) is thrown as before.
 */
export async function loadProfileWithRetry<T>(options: ProfileLoadOptions<T>): Promise<ProfileLoadResult<T>> {
  const { backoffMs = PROFILE_LOAD_BACKOFF_MS, logger } = options;
  const report = (what: string) => (error: unknown) => logger.warn(what, { error: String(error) });
  let told = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const value = await options.load();
      if (told) await options.setStatus("ready").catch(report("could not clear the load status"));
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof ProfileUnavailableError)) throw error;
      const wait = backoffMs[attempt];
      logger.warn("could not load the profile", {
        attempt: attempt + 1,
        retryInMs: wait,
        error: error.message,
      });
      if (wait === undefined) {
        if (told) await options.tell(PROFILE_LOAD_NOTICES.givenUp).catch(report("could not say goodbye"));
        return {
          ok: false,
          reason: `profile database unreachable after ${attempt + 1} attempts: ${error.message}`,
        };
      }
      if (!told) {
        told = true;
        await Promise.all([
          options.setStatus("store_unavailable").catch(report("could not set the load status")),
          options.tell(PROFILE_LOAD_NOTICES.unavailable).catch(report("could not tell the recruiter")),
        ]);
      }
      await sleep(wait);
    }
  }
}
