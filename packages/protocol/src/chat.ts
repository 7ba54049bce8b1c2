import * as z from "zod/mini";
import { createDecoder, createEncoder } from "./codec.js";
import { MAX_RPC_PAYLOAD_BYTES } from "./constants.js";
import { Id } from "./schemas/text.js";

/**
 * A recruiter's typed line as the widget sends it with `RPC_METHOD.chat` (since 1.1). The widget
 * chooses `lineId` and keeps it when it sends the line again; the agent acts on an id once.
 * Length and rate are the agent's to judge (MAX_CHAT_CHARS), so any string is a valid `text`.
 */
export const ChatLine = z.object({ lineId: Id, text: z.string() });
export type ChatLine = z.infer<typeof ChatLine>;

export const encodeChatLine = createEncoder(ChatLine, "chat line");
export const decodeChatLine = createDecoder(ChatLine, { limit: MAX_RPC_PAYLOAD_BYTES });
