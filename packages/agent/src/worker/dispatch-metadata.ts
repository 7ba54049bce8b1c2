import { formatIssue, Id } from "@voice-onboarding/protocol";
import * as z from "zod/mini";

const DispatchMetadata = z.object({ sessionId: Id });

export type MetadataResult = { ok: true; sessionId: string } | { ok: false; reason: string };

/**
 * The session id the session service put in the agent dispatch (or, for rooms created another
 * way, the room metadata). Anything else ends the job with this reason instead of crashing.
 */
export function readSessionId(...sources: (string | undefined)[]): MetadataResult {
  const raw = sources.find((source) => source !== undefined && source.trim() !== "");
  if (raw === undefined)
    return { ok: false, reason: 'no dispatch or room metadata: expected {"sessionId": "…"}' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: `metadata is not JSON: ${raw.slice(0, 80)}` };
  }
  const parsed = DispatchMetadata.safeParse(value);
  if (!parsed.success)
    return { ok: false, reason: `invalid metadata: ${formatIssue(parsed.error.issues[0]).message}` };
  return { ok: true, sessionId: parsed.data.sessionId };
}
