import { llm } from "@livekit/agents";
import {
  type InterviewStage,
  MAX_STAGES,
  type ProtocolMessage,
  InterviewStage as StageSchema,
} from "@voice-onboarding/protocol";
import { z } from "zod";
import { type ChangeDraft, ChangeError } from "../service/index.js";
import { described, given, optional, parseArgs } from "./args.js";
import { findNamed, mergeTexts, notFound, nothingToUpdate } from "./names.js";
import { runChange, stillNeeded, type ToolDeps } from "./run.js";

const stage = StageSchema.shape;

const createStageParameters = z.object({
  name: described(stage.name, "Stage name, e.g. 'Phone Screen', 'Technical'"),
  description: described(stage.description, "What this stage evaluates"),
  duration_minutes: optional(stage.durationMinutes.def.innerType, "Length in minutes"),
  interviewer_role: optional(stage.interviewerRole.def.innerType, "Who runs it, e.g. 'Recruiter'"),
  actions: optional(stage.actions, "Recruiter instructions like 'Send calendar invite'"),
  position: optional(z.int().min(1).max(MAX_STAGES), "1-based place in the process; omit to add at the end"),
});

const updateStageParameters = z.object({
  stage_name: described(stage.name, "Name of the stage to update"),
  new_description: optional(stage.description, "Replacement description"),
  new_duration: optional(stage.durationMinutes.def.innerType, "New length in minutes"),
  add_actions: optional(stage.actions, "Recruiter actions to add"),
});

export function savedStage(message: ProtocolMessage | null): InterviewStage {
  if (message?.type === "stage.created" || message?.type === "stage.updated") return message.data.stage;
  throw new Error(`expected a stage message, got ${message?.type}`);
}

export function describeStages(stages: readonly InterviewStage[]): string {
  return stages.length > 0 ? stages.map((s) => `${s.order}. ${s.name}`).join(", ") : "none";
}

function checkPosition(position: number | null | undefined, last: number): ChangeError | undefined {
  if (!given(position) || position <= last) return undefined;
  return new ChangeError(`position ${position} is out of range; use 1 to ${last}.`);
}

export function stageTools(deps: ToolDeps) {
  return {
    create_interview_stage: llm.tool({
      description:
        "Create an interview stage with what it evaluates and the recruiter's actions. An existing stage with the same name is updated (and moved if position is given) instead.",
      parameters: createStageParameters,
      execute: async (raw) => {
        const args = parseArgs(createStageParameters, raw);
        const change = await runChange(deps, ({ stages }, { newId }): ChangeDraft | ChangeError => {
          const existing = findNamed(stages, args.name);
          const last = existing ? stages.length : stages.length + 1;
          const outOfRange = checkPosition(args.position, last);
          if (outOfRange) return outOfRange;
          const updated = {
            ...existing,
            id: existing?.id ?? newId(),
            name: existing?.name ?? args.name,
            description: args.description,
            // Orders come from position, never from a count read earlier: the reducer renumbers 1..n.
            order: args.position ?? existing?.order ?? last,
            durationMinutes: args.duration_minutes ?? existing?.durationMinutes,
            interviewerRole: args.interviewer_role ?? existing?.interviewerRole,
            actions: mergeTexts(existing?.actions ?? [], args.actions ?? []),
          };
          const compact = withoutUndefined(updated);
          return existing
            ? { type: "stage.updated", data: { stage: compact } }
            : { type: "stage.created", data: { stage: compact } };
        });
        const saved = savedStage(change.message);
        const verb = change.message?.type === "stage.created" ? "Created" : "Updated existing";
        return `${verb} interview stage ${saved.name} at position ${saved.order}. Stages: ${describeStages(change.profile.stages)}. ${stillNeeded(change.profile)}`;
      },
    }),

    update_interview_stage: llm.tool({
      description: "Update an interview stage: its description, duration, or add actions.",
      parameters: updateStageParameters,
      execute: async (raw) => {
        const args = parseArgs(updateStageParameters, raw);
        const change = await runChange(deps, ({ stages }) => {
          if (!given(args.new_description) && !given(args.new_duration) && !args.add_actions?.length) {
            return nothingToUpdate(["new_description", "new_duration", "add_actions"]);
          }
          const existing = findNamed(stages, args.stage_name);
          if (!existing) return notFound("interview stage", args.stage_name, stages);
          const updated = {
            ...existing,
            description: args.new_description ?? existing.description,
            durationMinutes: args.new_duration ?? existing.durationMinutes,
            actions: mergeTexts(existing.actions, args.add_actions ?? []),
          };
          return { type: "stage.updated", data: { stage: withoutUndefined(updated) } };
        });
        const saved = savedStage(change.message);
        const minutes =
          saved.durationMinutes === undefined ? "no set duration" : `${saved.durationMinutes} minutes`;
        return `Updated interview stage ${saved.name} (${minutes}, ${saved.actions.length} actions).`;
      },
    }),
  };
}

/** Stored JSON drops undefined keys; dropping them here keeps the published fold identical to the store. */
function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Value;
}
