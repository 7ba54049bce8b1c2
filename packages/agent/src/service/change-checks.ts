import { applyMessage, formatIssue, JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { StoreUnavailableError } from "../store/profile-store.js";
import { ChangeError, ProfileUnavailableError } from "./errors.js";

/** The message, schema-checked: an invalid one is refused as a ChangeError, nothing written. */
export function validMessage(candidate: ProtocolMessage): ProtocolMessage {
  const parsed = ProtocolMessage.safeParse(candidate);
  if (!parsed.success) throw new ChangeError(invalidBecause(parsed.error.issues[0]));
  return parsed.data;
}

/** The profile after `message`, by the protocol reducer, schema-checked. */
export function nextProfile(previous: JobProfile, message: ProtocolMessage): JobProfile {
  const result = applyMessage(previous, message);
  if (result.status !== "applied") {
    const reason = result.status === "rejected" ? result.reason : `message was ${result.status}`;
    throw new ChangeError(`that change does not apply to the current profile: ${reason}`);
  }
  const parsed = JobProfile.safeParse(result.profile);
  if (!parsed.success) throw new ChangeError(invalidBecause(parsed.error.issues[0]));
  return parsed.data;
}

function invalidBecause(issue: Parameters<typeof formatIssue>[0]): string {
  return `that change would make the profile invalid (${formatIssue(issue).message})`;
}

/** A store outage as the service reports it: ProfileUnavailableError. */
export async function guardStore<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      throw new ProfileUnavailableError(`the profile database is unreachable: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
