import * as z from "zod/mini";
import { createDecoder, createEncoder } from "./codec.js";
import { Id } from "./schemas/text.js";

// Its own module, apart from the edit commands: a browser that sends commands reads only replies, and
// bundlers keep every schema of a module one of whose exports is used.
export const EDIT_ERROR_CODES = [
  "invalid_command",
  "not_found",
  "forbidden",
  "conflict",
  "unavailable",
] as const;

/** The agent's RPC reply to an edit: the version its change produced, or why nothing changed. */
export const EditResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), commandId: Id, seq: z.int().check(z.gte(0)) }),
  z.object({
    ok: z.literal(false),
    commandId: Id,
    error: z.object({ code: z.enum(EDIT_ERROR_CODES), message: z.string().check(z.maxLength(2000)) }),
  }),
]);
export type EditResult = z.infer<typeof EditResult>;

export const encodeEditResult = createEncoder(EditResult, "edit result");
export const decodeEditResult = createDecoder(EditResult);
