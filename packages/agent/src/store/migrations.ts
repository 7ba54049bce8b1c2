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
