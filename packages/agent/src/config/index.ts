export { ConfigError, type ConfigProblem, type Env } from "./env-reader.js";
export { DEFAULT_AGENT_NAME } from "./livekit-config.js";
export { loadServerConfig, type ServerConfig } from "./server-config.js";
export { loadChatConfig, loadWorkerConfig, TTS_PROVIDERS, type WorkerConfig } from "./worker-config.js";
