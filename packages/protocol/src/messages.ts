import * as z from "zod/mini";
import { CompanyIntel } from "./schemas/company.js";
import { InterviewStage, Nuance, Trait } from "./schemas/items.js";
import { JobProfile, MAX_STAGES, RequiredField } from "./schemas/profile.js";
import { Requirements } from "./schemas/requirements.js";
import { Id, IsoDateTime, matching } from "./schemas/text.js";
import { MESSAGE_SOURCES } from "./vocabulary.js";

export const MessageSource = z.enum(MESSAGE_SOURCES);
export type MessageSource = z.infer<typeof MessageSource>;

export const ProtocolVersion = matching(/^\d+\.\d+$/, "expected major.minor");

function message<Type extends string, Data extends z.ZodMiniType>(type: Type, data: Data) {
  return z.object({
    v: ProtocolVersion,
    sessionId: Id,
    /** Profile version after this change; a snapshot carries the current version. */
    seq: z.int().check(z.gte(0)),
    at: IsoDateTime,
    source: MessageSource,
    type: z.literal(type),
    data,
  });
}

export const ProfileSnapshotMessage = message("profile.snapshot", z.object({ profile: JobProfile }));
export const CompanyUpdatedMessage = message("company.updated", z.object({ company: CompanyIntel }));
export const RequirementsUpdatedMessage = message(
  "requirements.updated",
  z.object({ requirements: Requirements }),
);
export const TraitCreatedMessage = message("trait.created", z.object({ trait: Trait }));
export const TraitUpdatedMessage = message("trait.updated", z.object({ trait: Trait }));
export const TraitDeletedMessage = message("trait.deleted", z.object({ traitId: Id }));
export const StageCreatedMessage = message("stage.created", z.object({ stage: InterviewStage }));
export const StageUpdatedMessage = message("stage.updated", z.object({ stage: InterviewStage }));
export const StageDeletedMessage = message("stage.deleted", z.object({ stageId: Id }));
export const StagesReorderedMessage = message(
  "stages.reordered",
  z.object({ stageIds: z.array(Id).check(z.maxLength(MAX_STAGES)) }),
);
export const NuanceCapturedMessage = message("nuance.captured", z.object({ nuance: Nuance }));
/** Since 1.1: a recruiter corrected a note by hand. */
export const NuanceUpdatedMessage = message("nuance.updated", z.object({ nuance: Nuance }));
export const NuanceDeletedMessage = message("nuance.deleted", z.object({ nuanceId: Id }));
export const FieldConfirmedMessage = message("field.confirmed", z.object({ field: RequiredField }));
export const OnboardingCompletedMessage = message("onboarding.completed", z.object({}));

const MESSAGE_SCHEMAS = [
  ProfileSnapshotMessage,
  CompanyUpdatedMessage,
  RequirementsUpdatedMessage,
  TraitCreatedMessage,
  TraitUpdatedMessage,
  TraitDeletedMessage,
  StageCreatedMessage,
  StageUpdatedMessage,
  StageDeletedMessage,
  StagesReorderedMessage,
  NuanceCapturedMessage,
  NuanceUpdatedMessage,
  NuanceDeletedMessage,
  FieldConfirmedMessage,
  OnboardingCompletedMessage,
] as const;

export const ProtocolMessage = z.discriminatedUnion("type", MESSAGE_SCHEMAS);
export type ProtocolMessage = z.infer<typeof ProtocolMessage>;
export type MessageType = ProtocolMessage["type"];
export type MessageOf<Type extends MessageType> = Extract<ProtocolMessage, { type: Type }>;
export type MessageData<Type extends MessageType> = MessageOf<Type>["data"];

export const MESSAGE_TYPES: readonly MessageType[] = MESSAGE_SCHEMAS.map(
  (schema) => schema.shape.type.def.values[0] as MessageType,
);
