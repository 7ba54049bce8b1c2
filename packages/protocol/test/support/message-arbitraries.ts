import fc from "fast-check";
import {
  type MessageType,
  PROTOCOL_VERSION,
  type ProtocolMessage,
  REQUIRED_FIELDS,
} from "../../src/index.js";
import {
  companyArb,
  id,
  isoDate,
  nuanceArb,
  profileArb,
  requirementsArb,
  stageArb,
  traitArb,
} from "./domain-arbitraries.js";

const dataArbs: { [Type in MessageType]: fc.Arbitrary<Extract<ProtocolMessage, { type: Type }>["data"]> } = {
  "profile.snapshot": profileArb.map((profile) => ({ profile })),
  "company.updated": companyArb.map((company) => ({ company })),
  "requirements.updated": requirementsArb.map((requirements) => ({ requirements })),
  "trait.created": traitArb.map((trait) => ({ trait })),
  "trait.updated": traitArb.map((trait) => ({ trait })),
  "trait.deleted": id.map((traitId) => ({ traitId })),
  "stage.created": fc
    .integer({ min: 1, max: 20 })
    .chain(stageArb)
    .map((stage) => ({ stage })),
  "stage.updated": fc
    .integer({ min: 1, max: 20 })
    .chain(stageArb)
    .map((stage) => ({ stage })),
  "stage.deleted": id.map((stageId) => ({ stageId })),
  "stages.reordered": fc.array(id, { maxLength: 8 }).map((stageIds) => ({ stageIds })),
  "nuance.captured": nuanceArb.map((nuance) => ({ nuance })),
  "nuance.updated": nuanceArb.map((nuance) => ({ nuance })),
  "nuance.deleted": id.map((nuanceId) => ({ nuanceId })),
  "field.confirmed": fc.constantFrom(...REQUIRED_FIELDS).map((field) => ({ field })),
  "onboarding.completed": fc.constant({}),
};

export const messageTypes = Object.keys(dataArbs) as MessageType[];

/** A structurally valid message of `type` (not tied to any profile state). */
export function messageArb<Type extends MessageType>(type: Type): fc.Arbitrary<ProtocolMessage> {
  return fc
    .record({
      sessionId: id,
      seq: fc.nat({ max: 100_000 }),
      at: isoDate,
      source: fc.constantFrom("agent" as const, "recruiter" as const),
      data: dataArbs[type] as fc.Arbitrary<unknown>,
    })
    .map((fields) => {
      const message = { v: PROTOCOL_VERSION, type, ...fields } as ProtocolMessage;
      // A snapshot's envelope mirrors its profile.
      if (message.type === "profile.snapshot") {
        return { ...message, sessionId: message.data.profile.sessionId, seq: message.data.profile.version };
      }
      return message;
    });
}

export const anyMessageArb: fc.Arbitrary<ProtocolMessage> = fc.oneof(...messageTypes.map(messageArb));
