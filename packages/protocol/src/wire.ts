import { createDecoder, createEncoder } from "./codec.js";
import { MESSAGE_TYPES, ProtocolMessage } from "./messages.js";

export const encodeMessage = createEncoder(ProtocolMessage, "protocol message");
export const decodeMessage = createDecoder(ProtocolMessage, { knownTypes: MESSAGE_TYPES });
