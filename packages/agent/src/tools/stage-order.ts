import { llm } from "@livekit/agents";
import { InterviewStage, MAX_STAGES } from "@voice-onboarding/protocol";
import { z } from "zod";
import { ChangeError } from "../service/index.js";
import { described, parseArgs } from "./args.js";
import { findNamed, listNames, nameKey, notFound } from "./names.js";
import { runChange, stillNeeded, type ToolDeps } from "./run.js";
import { describeStages } from "./stages.js";

const stageName = InterviewStage.shape.name;

const deleteStageParameters = z.object({
  stage_name: described(stageName, "Name of the stage to delete"),
});

const reorderParameters = z.object({
  stage_names: described(
    z.array(stageName).max(MAX_STAGES),
    "Every current stage name exactly once, in the new interview order",
  ),
});

export function stageOrderTools(deps: ToolDeps) {
  return {
    delete_interview_stage: llm.tool({
      description: "Delete an interview stage; the remaining stages are renumbered.",
      parameters: deleteStageParameters,
      execute: async (raw) => {
        const args = parseArgs(deleteStageParameters, raw);
        const change = await runChange(deps, ({ stages }) => {
          const existing = findNamed(stages, args.stage_name);
          if (!existing) return notFound("interview stage", args.stage_name, stages);
          return { type: "stage.deleted", data: { stageId: existing.id } };
        });
        const deleted = findNamed(change.previous.stages, args.stage_name)?.name;
        return `Deleted interview stage ${deleted}. Stages now: ${describeStages(change.profile.stages)}. ${stillNeeded(change.profile)}`;
      },
    }),

    reorder_interview_stages: llm.tool({
      description: "Put the interview stages in a new order. List every current stage exactly once.",
      parameters: reorderParameters,
      execute: async (raw) => {
        const args = parseArgs(reorderParameters, raw);
        const change = await runChange(deps, ({ stages }) => {
          const ordered: InterviewStage[] = [];
          for (const name of args.stage_names) {
            const found = findNamed(stages, name);
            if (!found) return notFound("interview stage", name, stages);
            if (ordered.includes(found))
              return new ChangeError(`${found.name} is listed twice; list each stage once.`);
            ordered.push(found);
          }
          const listed = new Set(ordered.map((found) => nameKey(found.name)));
          const missing = stages.filter((existing) => !listed.has(nameKey(existing.name)));
          if (missing.length > 0) {
            return new ChangeError(`List every stage exactly once; missing: ${listNames(missing)}.`);
          }
          return { type: "stages.reordered", data: { stageIds: ordered.map((found) => found.id) } };
        });
        return `Reordered interview stages: ${describeStages(change.profile.stages)}.`;
      },
    }),
  };
}
