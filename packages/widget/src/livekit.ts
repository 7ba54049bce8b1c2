export {
  CHAT_TOPIC,
  createLiveKitTransport,
  type LiveKitTransport,
  type LiveKitTransportOptions,
} from "./transport/livekit-transport.js";
