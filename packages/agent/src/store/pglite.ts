import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { JobProfile, ProtocolMessage } from "@voice-onboarding/protocol";
import { isRejection, rejected, unavailable } from "./errors.js";
import { type Migration, readMigrations } from "./migrations.js";
import {
  type CommitResult,
  type ProfileStore,
  SessionExistsError,
  StoreUnavailableError,
} from "./profile-store.js";

export interface PgliteStoreOptions {
  /** Folder holding the database; in memory when undefined. */
  dataDir?: string;
  /** Defaults to the nearest `supabase/migrations`. */
  migrationsDir?: string;
}

export interface PgliteStore extends ProfileStore {
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
    await migrate(db, await readMigrations(options.migrationsDir));
  } catch (cause) {
    await db.close().catch(() => {});
    throw unavailable(`could not apply the SQL migrations to the PGlite database ${where}`, cause);
  }
  return new PgliteProfileStore(db);
}

async function migrate(db: PGlite, migrations: Migration[]): Promise<void> {
  // The supabase CLI's bookkeeping table (its name; only the columns we need).
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (version text primary key, name text);
  `);
  const applied = await db.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations",
  );
  const done = new Set(applied.rows.map((row) => row.version));
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query("insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    });
  }
}

type Row = { result: unknown };

class PgliteProfileStore implements PgliteStore {
  constructor(readonly db: PGlite) {}

  async create(profile: JobProfile, snapshot: ProtocolMessage): Promise<void> {
    const result = await this.call<{ ok: boolean }>(
      "create",
      profile.sessionId,
      "select public.create_job_profile($1, $2::jsonb, $3::jsonb) as result",
      [profile.sessionId, JSON.stringify(profile), JSON.stringify(snapshot)],
    );
    if (!result.ok) throw new SessionExistsError(profile.sessionId);
  }

  async load(sessionId: string): Promise<JobProfile | null> {
    return this.call<JobProfile | null>("load", sessionId, "select public.get_job_profile($1) as result", [
      sessionId,
    ]);
  }

  async commit(
    sessionId: string,
    expectedVersion: number,
    next: JobProfile,
    message: ProtocolMessage,
  ): Promise<CommitResult> {
    return this.call<CommitResult>(
      "commit to",
      sessionId,
      "select public.commit_job_profile_change($1, $2, $3::jsonb, $4::jsonb) as result",
      [sessionId, expectedVersion, JSON.stringify(next), JSON.stringify(message)],
    );
  }

  async messages(sessionId: string, afterSeq = -1): Promise<ProtocolMessage[]> {
    return this.call<ProtocolMessage[]>(
      "read the log of",
      sessionId,
      "select public.job_profile_messages($1, $2) as result",
      [sessionId, afterSeq],
    );
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }

  private async call<T>(action: string, sessionId: string, sql: string, params: unknown[]): Promise<T> {
    if (this.db.closed) {
      throw new StoreUnavailableError(
        `the PGlite profile store is closed: cannot ${action} session "${sessionId}"`,
      );
    }
    try {
      const { rows } = await this.db.query<Row>(sql, params);
      return rows[0]?.result as T;
    } catch (cause) {
      const code = (cause as { code?: string }).code;
      if (isRejection(code)) throw rejected(action, sessionId, cause, (cause as Error).message);
      throw unavailable(`the embedded PGlite database failed to ${action} session "${sessionId}"`, cause);
    }
  }
}
