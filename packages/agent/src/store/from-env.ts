import type { DatabaseStore } from "./function-caller.js";
import { createPgliteStore } from "./pglite.js";
import { checkPostgresUrl, createPostgresStore } from "./postgres.js";

export const DEFAULT_DATA_DIR = ".data/pglite";

export type StoreEnv = Readonly<Record<string, string | undefined>>;

/** The store the environment asks for, validated. */
export type StoreConfig =
  | { kind: "postgres"; connectionString: string; poolMax?: number }
  | { kind: "supabase"; url: string; serviceRoleKey: string }
  | { kind: "pglite"; dataDir: string };

export interface StoreFromEnvOptions {
  /**
   * The profiles must be shared with other processes (the worker's job processes and `serve`):
   * refuse the single-process embedded PGlite store instead of silently using one per process.
   */
  shared?: boolean;
}

/**
 * Plain PostgreSQL when DATABASE_URL is set (DATABASE_POOL_MAX optional), else Supabase when
 * SUPABASE_URL is set (then SUPABASE_SERVICE_ROLE_KEY is required), else an embedded PGlite
 * database in VOICE_ONBOARDING_DATA_DIR (default `.data/pglite`), unless `shared` refuses it.
 * Throws an Error naming the variable to fix.
 */
export function storeConfigFromEnv(
  env: StoreEnv = process.env,
  options: StoreFromEnvOptions = {},
): StoreConfig {
  const databaseUrl = postgresUrlFromEnv(env);
  const url = env.SUPABASE_URL?.trim();
  if (databaseUrl !== undefined && url) {
    throw new Error(
      "DATABASE_URL and SUPABASE_URL are both set, and only one profile store can be used: unset SUPABASE_URL to connect to PostgreSQL directly, or unset DATABASE_URL to go through Supabase's API",
    );
  }
  if (databaseUrl !== undefined) {
    const poolMax = poolMaxFromEnv(env);
    return poolMax === undefined
      ? { kind: "postgres", connectionString: databaseUrl }
      : { kind: "postgres", connectionString: databaseUrl, poolMax };
  }
  if (url) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new Error(
        `SUPABASE_URL must be an http(s) URL such as https://<project-ref>.supabase.co, got "${url}"`,
      );
    }
    const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY?.trim();
    if (!serviceRoleKey) {
      throw new Error(
        "SUPABASE_SERVICE_ROLE_KEY is required when SUPABASE_URL is set: copy the service-role key from the Supabase project's API settings, or unset SUPABASE_URL to use the embedded PGlite store",
      );
    }
    return { kind: "supabase", url, serviceRoleKey };
  }
  if (options.shared) {
    throw new Error(
      "no shared profile store is configured: the embedded PGlite store belongs to a single process, and the worker's job processes and the session service (`serve`) are separate processes that must see the same profiles. Set DATABASE_URL (PostgreSQL, migrated with `voice-onboarding-agent migrate`) or SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY",
    );
  }
  return { kind: "pglite", dataDir: env.VOICE_ONBOARDING_DATA_DIR?.trim() || DEFAULT_DATA_DIR };
}

/** Opens the store `storeConfigFromEnv` chooses. */
export async function createStoreFromEnv(
  env: StoreEnv = process.env,
  options: StoreFromEnvOptions = {},
): Promise<DatabaseStore> {
  const config = storeConfigFromEnv(env, options);
  switch (config.kind) {
    case "postgres":
      return createPostgresStore({
        connectionString: config.connectionString,
        ...(config.poolMax === undefined ? {} : { pool: { max: config.poolMax } }),
      });
    case "supabase": {
      // Loaded only when used: supabase-js warns about Node 20 on import.
      const { createSupabaseStore } = await import("./supabase.js");
      return createSupabaseStore({ url: config.url, serviceRoleKey: config.serviceRoleKey });
    }
    case "pglite":
      return createPgliteStore({ dataDir: config.dataDir });
  }
}

/** `createStoreFromEnv(env, { shared: true })`: for processes that share profiles (the worker, `serve`). */
export function createSharedStoreFromEnv(env: StoreEnv = process.env): Promise<DatabaseStore> {
  return createStoreFromEnv(env, { shared: true });
}

/** DATABASE_URL when set (validated: postgres:// or postgresql://), else undefined. */
export function postgresUrlFromEnv(env: StoreEnv = process.env): string | undefined {
  const value = env.DATABASE_URL?.trim();
  if (!value) return undefined;
  checkPostgresUrl(value, "DATABASE_URL");
  return value;
}

function poolMaxFromEnv(env: StoreEnv): number | undefined {
  const value = env.DATABASE_POOL_MAX?.trim();
  if (!value) return undefined;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of connections from 1 to 1000, got "${value}"`);
  }
  return max;
}
