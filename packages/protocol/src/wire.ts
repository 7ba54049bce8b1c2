import { createDecoder, createEncoder } from "./codec.js";
import { ProtocolMessage } from "./messages.js";

export const encodeMessage = createEncoder(ProtocolMessage, "protocol message");
export const decodeMessage = createDecoder(ProtocolMessage);
