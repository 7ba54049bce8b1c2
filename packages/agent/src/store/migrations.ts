import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One file of `supabase/migrations/<version>_<name>.sql` (supabase CLI layout). */
export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d+)_(.+)\.sql$/;

function moduleDir(): string {
  // ESM has import.meta.url; a CommonJS build has __dirname instead.
  return typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** The nearest `supabase/migrations` folder above this module: the repository's, or a copy shipped in the package. */
export function findMigrationsDir(from = moduleDir()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "supabase", "migrations");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `no supabase/migrations folder found above ${from}: pass migrationsDir to the store, or ship the SQL migrations with the package`,
  );
}

/** The migrations in `dir`, oldest first. */
export async function readMigrations(dir = findMigrationsDir()): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => FILE_NAME.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version = "", name = ""] = FILE_NAME.exec(file) ?? [];
      return { version, name, sql: await readFile(join(dir, file), "utf8") };
    }),
  );
}

/** A transaction on one connection, as the migration runner needs it. */
export interface MigrationTransaction {
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A database the runner can migrate: PGlite and node-postgres each adapt to this. */
export interface MigrationDatabase {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: MigrationTransaction) => Promise<T>): Promise<T>;
}

/** A migration's SQL failed; that transaction was rolled back, earlier migrations stay applied. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly migration: Migration,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migration.version}_${migration.name} failed and was rolled back: ${reason}`, {
      cause,
    });
  }
}

// The supabase CLI's bookkeeping table (its name; only the columns we need), so a database
// migrated here and one migrated by `supabase migration up` agree on what is applied.
const BOOKKEEPING = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text primary key, name text);
`;

/**
 * Held by every migrator of a database for the length of each of its transactions, so that
 * concurrent migrators (two processes starting at once) apply each migration once: the second
 * waits, then finds the migration recorded and skips it. The key is arbitrary but fixed.
 */
const LOCK = "select pg_advisory_xact_lock(7236193470571652401)";

/**
 * Applies the migrations not yet recorded in `supabase_migrations.schema_migrations`, in order,
 * each in its own transaction together with its bookkeeping row. Returns the ones it applied.
 */
export async function applyMigrations(
  db: MigrationDatabase,
  migrations: readonly Migration[],
  onApplied?: (migration: Migration) => void,
): Promise<Migration[]> {
  const pending = await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(BOOKKEEPING);
    const rows = await tx.query<{ version: string }>(
      "select version from supabase_migrations.schema_migrations",
    );
    const done = new Set(rows.map((row) => row.version));
    return migrations.filter((migration) => !done.has(migration.version));
  });
  const applied: Migration[] = [];
  for (const migration of pending) {
    const applies = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      // Another migrator may have applied it while this one waited for the lock.
      const recorded = await tx.query(
        "select 1 from supabase_migrations.schema_migrations where version = $1",
        [migration.version],
      );
      if (recorded.length > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (cause) {
        throw new MigrationError(migration, cause);
      }
      await tx.query("insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (applies) {
      applied.push(migration);
      onApplied?.(migration);
    }
  }
  return applied;
}
