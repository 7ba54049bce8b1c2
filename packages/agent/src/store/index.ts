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
} from "./profile-store.js";
export { createSupabaseStore, type SupabaseStoreOptions } from "./supabase.js";
export { keepsTurnLatency, type StoredTurnLatency, type TurnLatencyStore } from "./turn-latency-store.js";
