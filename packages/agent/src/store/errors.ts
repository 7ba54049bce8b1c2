import { StoreUnavailableError } from "./profile-store.js";

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the database refused a
 * malformed write. That is a caller bug, not an outage, so it is not a StoreUnavailableError.
 */
export function isRejection(code: string | undefined): boolean {
  return code !== undefined && /^2[23]/.test(code);
}

/** `what`: e.g. `commit to session "abc"`. */
export function rejected(what: string, cause: unknown, detail: string): Error {
  return new Error(`profile store refused to ${what}: ${detail}`, { cause });
}

/** What a call is about in messages: its own `what`, else `<action> session "<id>"`. */
export function subjectOf(call: { action: string; sessionId: string; what?: string }): string {
  return call.what ?? `${call.action} session "${call.sessionId}"`;
}

export function unavailable(
  message: string,
  cause?: unknown,
  written: "no" | "unknown" = "unknown",
): StoreUnavailableError {
  return new StoreUnavailableError(message, cause === undefined ? { written } : { cause, written });
}
