import type { llm } from "@livekit/agents";
import { companyTools } from "./company.js";
import { nuanceTools } from "./nuances.js";
import { progressTools } from "./progress.js";
import { requirementsTools } from "./requirements.js";
import type { ToolDeps } from "./run.js";
import { stageOrderTools } from "./stage-order.js";
import { stageTools } from "./stages.js";
import { traitTools } from "./traits.js";

/**
 * Every intake tool, keyed by the name the model calls. A tool map: pass it as `tools` to
 * `voice.Agent`, or wrap it with `new llm.ToolContext(...)` where a context instance is needed.
 */
export function createIntakeTools(deps: ToolDeps) {
  return {
    ...companyTools(deps),
    ...requirementsTools(deps),
    ...traitTools(deps),
    ...stageTools(deps),
    ...stageOrderTools(deps),
    ...nuanceTools(deps),
    ...progressTools(deps),
  } satisfies llm.ToolContextLike;
}

export type IntakeTools = ReturnType<typeof createIntakeTools>;
export type IntakeToolName = keyof IntakeTools;
