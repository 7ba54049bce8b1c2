import type { JobProfile } from "@voice-onboarding/protocol";
import { type AshbyJobOptions, toAshbyJob } from "./ashby.js";
import { jobDescriptionHtml, jobDescriptionMarkdown } from "./description.js";
import { type GreenhouseJobOptions, toGreenhouseJob } from "./greenhouse.js";
import { type JobPostingOptions, toJobPostingJsonLd } from "./jsonld.js";
import { type LeverPostingOptions, toLeverPosting } from "./lever.js";

export const EXPORT_FORMATS = ["jsonld", "lever", "greenhouse", "ashby", "markdown", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every target's options in one bag; each export reads the ones it knows. */
export type ExportOptions = JobPostingOptions &
  Omit<LeverPostingOptions, "state"> &
  Partial<GreenhouseJobOptions> &
  Partial<AshbyJobOptions>;

export type ExportResult =
  | { format: "jsonld"; contentType: "application/ld+json"; body: object }
  | { format: "lever" | "greenhouse" | "ashby"; contentType: "application/json"; body: object }
  | { format: "markdown"; contentType: "text/markdown"; body: string }
  | { format: "html"; contentType: "text/html"; body: string };

/** One export by name, for services that take the format as a parameter. Throws ExportError. */
export function exportProfile(
  profile: JobProfile,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  switch (format) {
    case "jsonld":
      return { format, contentType: "application/ld+json", body: toJobPostingJsonLd(profile, options) };
    case "lever":
      return { format, contentType: "application/json", body: toLeverPosting(profile, options) };
    case "greenhouse":
      return { format, contentType: "application/json", body: toGreenhouseJob(profile, options) };
    case "ashby":
      return { format, contentType: "application/json", body: toAshbyJob(profile, options) };
    case "markdown":
      return { format, contentType: "text/markdown", body: jobDescriptionMarkdown(profile) };
    case "html":
      return { format, contentType: "text/html", body: jobDescriptionHtml(profile) };
  }
}
