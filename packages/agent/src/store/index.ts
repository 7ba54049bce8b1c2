export {
  createSharedStoreFromEnv,
  createStoreFromEnv,
  DEFAULT_DATA_DIR,
  postgresUrlFromEnv,
  type StoreConfig,
  type StoreEnv,
  type StoreFromEnvOptions,
  storeConfigFromEnv,
} from "./from-env.js";
export type { DatabaseStore, FunctionCaller } from "./function-caller.js";
export {
  applyMigrations,
  findMigrationsDir,
  type Migration,
  type MigrationDatabase,
  MigrationError,
  type MigrationTransaction,
  readMigrations,
} from "./migrations.js";
export { createPgliteStore, type PgliteStore, type PgliteStoreOptions } from "./pglite.js";
export {
  checkPostgresUrl,
  createPostgresStore,
  type MigratePostgresOptions,
  migratePostgres,
  type PostgresStore,
  type PostgresStoreOptions,
  type StoreLogger,
} from "./postgres.js";
export {
  type CommitResult,
  type ProfileStore,
  SessionExistsError,
  StoreUnavailableError,
  type TranscriptTurn,
} from "./profile-store.js";
export { createSupabaseStore, type SupabaseStoreOptions } from "./supabase.js";
export {
  type ApiKeyRecord,
  DEFAULT_TENANT,
  InvalidCursorError,
  type ListSessionsQuery,
  type SessionPage,
  type SessionSummary,
  TENANT_ID_PATTERN,
  TenantStore,
} from "./tenant-store.js";
export { keepsTurnLatency, type StoredTurnLatency, type TurnLatencyStore } from "./turn-latency-store.js";
export {
  type AttemptOutcome,
  type ClaimedDelivery,
  type DeliveryAttempt,
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookEventType,
  WebhookStore,
  type WebhookSubscription,
} from "./webhook-store.js";
