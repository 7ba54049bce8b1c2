export { ConfigError, type ConfigProblem, type Env } from "./env-reader.js";
export { DEFAULT_AGENT_NAME } from "./livekit-config.js";
export { loadServerConfig, type ServerConfig } from "./server-config.js";
export { STT_PROVIDERS, type SttConfig, TTS_PROVIDERS, type TtsConfig } from "./speech-config.js";
export { loadChatConfig, loadWorkerConfig, type WorkerConfig } from "./worker-config.js";
