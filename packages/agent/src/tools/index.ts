export { COMPANY_FIELDS } from "./company.js";
export { FIELD_SOURCES } from "./field-sources.js";
export { createIntakeTools, type IntakeToolName, type IntakeTools } from "./intake-tools.js";
export type { ToolDeps } from "./run.js";
