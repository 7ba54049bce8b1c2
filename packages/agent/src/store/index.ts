export { createStoreFromEnv, DEFAULT_DATA_DIR, type StoreEnv } from "./from-env.js";
export { findMigrationsDir, type Migration, readMigrations } from "./migrations.js";
export { createPgliteStore, type PgliteStore, type PgliteStoreOptions } from "./pglite.js";
export {
  type CommitResult,
  type ProfileStore,
  SessionExistsError,
  StoreUnavailableError,
} from "./profile-store.js";
export { createSupabaseStore, type SupabaseStoreOptions } from "./supabase.js";
