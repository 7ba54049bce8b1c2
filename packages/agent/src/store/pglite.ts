import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { isRejection, rejected, subjectOf, unavailable } from "./errors.js";
import type { FunctionCaller } from "./function-caller.js";
import { applyMigrations, type MigrationDatabase, readMigrations } from "./migrations.js";
import { type ProfileStore, StoreUnavailableError } from "./profile-store.js";
import { type FunctionCall, SqlProfileStore } from "./sql-store.js";
import type { TurnLatencyStore } from "./turn-latency-store.js";

export interface PgliteStoreOptions {
  /** Folder holding the database; in memory when undefined. */
  dataDir?: string;
  /** Defaults to the nearest `supabase/migrations`. */
  migrationsDir?: string;
}

export interface PgliteStore extends ProfileStore, FunctionCaller, TurnLatencyStore {
  /** The embedded database, for inspection and tests. One connection: calls are serialized. */
  readonly db: PGlite;
}

/** Opens (or creates) an embedded PostgreSQL and brings it to the latest migration. */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<PgliteStore> {
  const { dataDir } = options;
  const where = dataDir === undefined ? "in memory" : `in ${dataDir}`;
  let db: PGlite;
  try {
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (cause) {
    throw unavailable(
      `could not open the embedded PGlite database ${where}: check that the folder is writable and not used by another process`,
      cause,
    );
  }
  try {
    await applyMigrations(migrationDatabase(db), await readMigrations(options.migrationsDir));
  } catch (cause) {
    await db.close().catch(() => {});
    throw unavailable(`could not apply the SQL migrations to the PGlite database ${where}`, cause);
  }
  return new PgliteProfileStore(db);
}

/** PGlite as the migration runner sees it: one connection, so transactions run one at a time. */
function migrationDatabase(db: PGlite): MigrationDatabase {
  return {
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        }),
      ),
  };
}

class PgliteProfileStore extends SqlProfileStore implements PgliteStore {
  constructor(readonly db: PGlite) {
    super();
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }

  protected async call<T>(call: FunctionCall): Promise<T> {
    const { sql, params } = call;
    const what = subjectOf(call);
    if (this.db.closed) {
      throw new StoreUnavailableError(`the PGlite profile store is closed: cannot ${what}`, {
        written: "no",
      });
    }
    try {
      const { rows } = await this.db.query<{ result: unknown }>(sql, params);
      return rows[0]?.result as T;
    } catch (cause) {
      const code = (cause as { code?: string }).code;
      if (isRejection(code)) throw rejected(what, cause, (cause as Error).message);
      throw unavailable(`the embedded PGlite database failed to ${what}`, cause);
    }
  }
}
