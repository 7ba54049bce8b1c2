import type * as z from "zod/mini";
import { ChatLine } from "./chat.js";
import { PROTOCOL_VERSION } from "./constants.js";
import { EditResult } from "./edit-result.js";
import { EditCommand } from "./edits.js";
import { ProtocolMessage } from "./messages.js";
import { JobProfile } from "./schemas/profile.js";
import { toJsonSchema } from "./to-json-schema.js";

/** JSON Schema (draft 2020-12) of everything on the wire, for vendors reading it from other languages. */
export function buildJsonSchema() {
  const schemaOf = (schema: z.ZodMiniType) => toJsonSchema(schema, { io: "input", reused: "ref" });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://voice-onboarding.dev/schema/protocol-${PROTOCOL_VERSION}.json`,
    title: `Voice Onboarding wire protocol ${PROTOCOL_VERSION}`,
    $defs: {
      ProtocolMessage: schemaOf(ProtocolMessage),
      EditCommand: schemaOf(EditCommand),
      EditResult: schemaOf(EditResult),
      ChatLine: schemaOf(ChatLine),
      JobProfile: schemaOf(JobProfile),
    },
  };
}
