/** What an export needs and did not get: a field of the profile or an option only the vendor knows. */
export interface MissingInput {
  /** `requirements.jobTitle`, or `options.templateJobId`. */
  path: string;
  /** What it is and where to get it, in words. */
  hint: string;
}

/** Thrown when a profile (or the options) lack what a target needs; lists everything missing at once. */
export class ExportError extends Error {
  override readonly name = "ExportError";
  readonly code = "export_incomplete";
  constructor(
    readonly target: string,
    readonly missing: readonly MissingInput[],
  ) {
    super(
      `cannot export to ${target}: missing ${missing.map((item) => `${item.path} (${item.hint})`).join("; ")}`,
    );
  }
}

/** Collects what is missing, then throws once with the whole list. */
export function requireInputs(target: string, checks: ReadonlyArray<MissingInput | false | undefined>): void {
  const missing = checks.filter((check): check is MissingInput => Boolean(check));
  if (missing.length > 0) throw new ExportError(target, missing);
}

export const missingIf = (condition: boolean, path: string, hint: string): MissingInput | false =>
  condition && { path, hint };

export const missingJobTitle = (profile: { requirements: { jobTitle?: string } }) =>
  missingIf(!profile.requirements.jobTitle, "requirements.jobTitle", "the job title the intake captures");
