// Not the store barrel: it loads supabase-js, which prints a Node 20 deprecation warning on import.
import { postgresUrlFromEnv } from "../store/from-env.js";
import { migratePostgres } from "../store/postgres.js";
import { UsageError } from "./usage.js";

export interface MigrateIO {
  output: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

const defaultIO: MigrateIO = { output: process.stdout, env: process.env };

/**
 * `migrate`: applies supabase/migrations to the PostgreSQL database of DATABASE_URL, printing
 * each migration as it is committed, or that the database is up to date.
 */
export async function migrateCommand(args: string[], io: MigrateIO = defaultIO): Promise<void> {
  if (args.length > 0) {
    throw new UsageError("migrate takes no arguments; it migrates the database of DATABASE_URL");
  }
  const url = postgresUrlFromEnv(io.env);
  if (url === undefined) {
    throw new Error(
      "DATABASE_URL is not set: set it to the PostgreSQL database to migrate (postgresql://user:password@host:5432/dbname). For a Supabase project use its direct connection string, or `supabase db push`",
    );
  }
  const say = (line: string) => {
    io.output.write(`${line}\n`);
  };
  const applied = await migratePostgres(url, {
    onApplied: (migration) => say(`applied ${migration.version}_${migration.name}`),
  });
  say(
    applied.length === 0
      ? "the database is up to date: no migration to apply"
      : `applied ${applied.length} migration${applied.length === 1 ? "" : "s"}; the database is up to date`,
  );
}
