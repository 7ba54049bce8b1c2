import * as z from "zod/mini";
import { createDecoder, createEncoder } from "./codec.js";
import { MAX_EDIT_COMMAND_BYTES } from "./constants.js";
import { ProtocolVersion } from "./messages.js";
import { CompanyIntel } from "./schemas/company.js";
import { InterviewStage, Nuance, Trait } from "./schemas/items.js";
import { MAX_STAGES, RequiredField } from "./schemas/profile.js";
import { Requirements } from "./schemas/requirements.js";
import { Id } from "./schemas/text.js";

type PatchShape<Shape extends z.core.$ZodShape> = {
  [Key in keyof Shape]: z.ZodMiniOptional<z.ZodMiniNullable<Shape[Key]>>;
};

/** Every field optional; `null` clears it. */
function patchOf<Shape extends z.core.$ZodShape>(shape: Shape) {
  const entries = Object.entries(shape).map(
    ([key, schema]) => [key, z.optional(z.nullable(schema))] as const,
  );
  return z.object(Object.fromEntries(entries) as PatchShape<Shape>);
}

const { name, description, priority, signals } = Trait.shape;
const stage = InterviewStage.shape;
const nuance = Nuance.shape;

/** A company patch; the name can be replaced but never cleared (a company card always has one). */
const CompanyPatch = z.extend(patchOf(CompanyIntel.shape), { name: z.optional(CompanyIntel.shape.name) });

function command<Type extends string, Data extends z.ZodMiniType>(type: Type, data: Data) {
  return z.object({
    v: ProtocolVersion,
    sessionId: Id,
    /** Chosen by the widget; the agent's reply and its published message refer to it. */
    commandId: Id,
    type: z.literal(type),
    data,
  });
}

export const EditCommand = z.discriminatedUnion("type", [
  command("requirements.update", z.object({ requirements: patchOf(Requirements.shape) })),
  /** Since 1.1. Applied to the current card, or starts one (then `name` is required). */
  command("company.update", z.object({ company: CompanyPatch })),
  /** Since 1.1. The widget chooses the id, so its preview and an undo of a delete name the same trait. */
  command("trait.add", z.object({ trait: Trait })),
  command(
    "trait.update",
    z.object({
      traitId: Id,
      name: z.optional(name),
      description: z.optional(description),
      priority: z.optional(priority),
      signals: z.optional(signals),
    }),
  ),
  command("trait.delete", z.object({ traitId: Id })),
  command(
    "stage.update",
    z.object({
      stageId: Id,
      name: z.optional(stage.name),
      description: z.optional(stage.description),
      durationMinutes: z.optional(z.nullable(stage.durationMinutes)),
      interviewerRole: z.optional(z.nullable(stage.interviewerRole)),
      actions: z.optional(stage.actions),
    }),
  ),
  /** Since 1.1. `order` is the 1-based place; past the end appends. The widget chooses the id. */
  command("stage.add", z.object({ stage: InterviewStage })),
  command("stage.delete", z.object({ stageId: Id })),
  command("stages.reorder", z.object({ stageIds: z.array(Id).check(z.maxLength(MAX_STAGES)) })),
  /** Since 1.1. The widget chooses the id (an undo of a delete sends the nuance it removed). */
  command("nuance.add", z.object({ nuance: Nuance })),
  /** Since 1.1. */
  command(
    "nuance.update",
    z.object({
      nuanceId: Id,
      category: z.optional(nuance.category),
      insight: z.optional(nuance.insight),
      verbatimQuote: z.optional(z.nullable(nuance.verbatimQuote)),
    }),
  ),
  command("nuance.delete", z.object({ nuanceId: Id })),
  command("field.confirm", z.object({ field: RequiredField })),
]);
export type EditCommand = z.infer<typeof EditCommand>;
export type EditCommandType = EditCommand["type"];
export type EditCommandOf<Type extends EditCommandType> = Extract<EditCommand, { type: Type }>;

export const encodeEditCommand = createEncoder(EditCommand, "edit command");
export const decodeEditCommand = createDecoder(EditCommand, { limit: MAX_EDIT_COMMAND_BYTES });
