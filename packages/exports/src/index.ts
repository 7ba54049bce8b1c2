export { type AshbyExport, type AshbyJobOptions, toAshbyJob } from "./ashby.js";
export {
  buildJobDescription,
  type DescriptionSection,
  escapeHtml,
  type JobDescription,
  jobDescriptionHtml,
  jobDescriptionMarkdown,
  renderHtml,
  renderMarkdown,
} from "./description.js";
export { ExportError, type MissingInput } from "./errors.js";
export { EMPLOYMENT_TYPES, type EmploymentType } from "./facts.js";
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportProfile,
} from "./formats.js";
export { type GreenhouseExport, type GreenhouseJobOptions, toGreenhouseJob } from "./greenhouse.js";
export { type JobPostingJsonLd, type JobPostingOptions, toJobPostingJsonLd } from "./jsonld.js";
export { type LeverPosting, type LeverPostingOptions, toLeverPosting } from "./lever.js";
