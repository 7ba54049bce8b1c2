/** Why a change was refused; `code` maps onto the protocol's edit error codes. */
export type ChangeErrorCode = "invalid" | "not_found";

/** A change the current profile does not allow (bad argument, unknown name, invalid result). Nothing was written. */
export class ChangeError extends Error {
  override readonly name = "ChangeError";
  constructor(
    message: string,
    readonly code: ChangeErrorCode = "invalid",
  ) {
    super(message);
  }
}

export class SessionNotFoundError extends Error {
  override readonly name = "SessionNotFoundError";
  constructor(readonly sessionId: string) {
    super(`no onboarding session ${sessionId}`);
  }
}

/** The profile store could not be reached; nothing was saved. */
export class ProfileUnavailableError extends Error {
  override readonly name = "ProfileUnavailableError";
}

/**
 * The store did not answer in time after a commit was sent: it may or may not have landed. The
 * service goes on finding out in the background and publishes the change if it landed.
 */
export class ChangeOutcomeUnknownError extends Error {
  override readonly name = "ChangeOutcomeUnknownError";
  constructor(
    readonly sessionId: string,
    readonly changeId: string,
    options?: ErrorOptions,
  ) {
    super(
      `the profile database did not answer in time; whether change ${changeId} of session ${sessionId} was saved is being checked`,
      options,
    );
  }
}

/** Other writers kept changing the profile; the change was given up after `attempts` tries. */
export class ConflictRetriesExhaustedError extends Error {
  override readonly name = "ConflictRetriesExhaustedError";
  constructor(
    readonly sessionId: string,
    readonly attempts: number,
  ) {
    super(`session ${sessionId} kept changing concurrently; gave up after ${attempts} attempts`);
  }
}

/** `createSession` input does not make a valid profile. */
export class InvalidSessionInputError extends Error {
  override readonly name = "InvalidSessionInputError";
}
