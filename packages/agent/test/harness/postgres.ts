import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMigrations } from "../../src/store/migrations.js";
import { type ApiRole, type PostgrestServer, signJwt, startPostgrest } from "./postgrest.js";
import { freePort, run, type SystemUser, unprivilegedUser } from "./process.js";

/** Debian's PostgreSQL 15 server binaries (package `postgresql`); PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function postgresAvailable(): boolean {
  return ["initdb", "pg_ctl", "psql"].every((tool) => existsSync(join(PG_BIN, tool)));
}

/**
 * Says loudly that the real-PostgreSQL suites are skipped, and why. Returns whether they can run.
 * CI installs PostgreSQL: there a skip would hide a broken setup, so it throws instead.
 */
export function checkPostgres(suite: string): boolean {
  if (postgresAvailable()) return true;
  if (process.env.CI) {
    throw new Error(
      `${suite}: PostgreSQL 15 server binaries are missing in CI (apt-get install -y postgresql)`,
    );
  }
  console.warn(
    [
      "",
      "!".repeat(100),
      `!! SKIPPING ${suite}: PostgreSQL server binaries not found in ${PG_BIN}.`,
      "!! Install them with `apt-get install -y postgresql` (Debian package `postgresql`), or set PG_BIN.",
      "!! CI installs them, so there this suite always runs.",
      "!".repeat(100),
      "",
    ].join("\n"),
  );
  return false;
}

export interface PostgresServer {
  port: number;
  /** Superuser connection string over loopback. */
  uri: string;
  /** Runs SQL as the superuser through psql; resolves with its unaligned, tuples-only output. */
  sql(query: string, options?: { singleTransaction?: boolean }): Promise<string>;
  /** Stops the server (the harness leaves its folder for `stop`); safe to call twice. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port and data (a database restart). */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL cluster in a temp folder, on 127.0.0.1 and a free port, fsync off. */
export async function startPostgres(): Promise<PostgresServer> {
  const user = unprivilegedUser();
  const root = await mkdtemp(join(tmpdir(), "vo-postgres-"));
  const dataDir = join(root, "data");
  const port = await freePort();
  const asUser = (tool: string, args: string[]) => {
    const command = join(PG_BIN, tool);
    return user
      ? (["runuser", ["-u", user.name, "--", command, ...args]] as const)
      : ([command, args] as const);
  };
  const pgCtl = (...args: string[]) => {
    const [command, argv] = asUser("pg_ctl", ["-D", dataDir, ...args]);
    return run(command, [...argv]);
  };
  let running = false;
  let startOptions = "";
  const halt = async () => {
    if (!running) return;
    running = false;
    process.off("exit", haltOnExit);
    await pgCtl("stop", "-m", "fast", "-w").catch(() => {});
  };
  // If the test process dies without afterAll, do not leave a postmaster behind.
  const haltOnExit = () => {
    const [command, argv] = asUser("pg_ctl", ["-D", dataDir, "stop", "-m", "immediate"]);
    try {
      execFileSync(command, [...argv], { stdio: "ignore" });
    } catch {}
  };

  try {
    if (user) await chown(root, user.uid, user.gid);
    const [initdb, initArgs] = asUser("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--no-sync",
      "--encoding=UTF8",
      "--locale=C",
    ]);
    await run(initdb, [...initArgs]);
    startOptions = [
      "-c listen_addresses=127.0.0.1",
      `-c port=${port}`,
      `-c unix_socket_directories=${root}`,
      "-c fsync=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    await pgCtl("start", "-w", "-t", "30", "-l", join(root, "postgres.log"), "-o", startOptions);
    running = true;
    process.on("exit", haltOnExit);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  const uri = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    uri,
    sql: (query, { singleTransaction = false } = {}) =>
      run(
        join(PG_BIN, "psql"),
        [
          "-X",
          "-q",
          "-At",
          "-v",
          "ON_ERROR_STOP=1",
          ...(singleTransaction ? ["--single-transaction"] : []),
          "-d",
          uri,
          "-f",
          "-",
        ],
        { input: query },
      ),
    halt,
    async restart() {
      if (running) return;
      await pgCtl("start", "-w", "-t", "30", "-l", join(root, "postgres.log"), "-o", startOptions);
      running = true;
      process.on("exit", haltOnExit);
    },
    async stop() {
      await halt();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Applies every file of supabase/migrations, in order, each in one transaction. */
export async function applyMigrations(postgres: PostgresServer): Promise<void> {
  for (const migration of await readMigrations()) {
    await postgres.sql(migration.sql, { singleTransaction: true });
  }
}

export interface SupabaseStandIn {
  /** What SUPABASE_URL would be: supabase-js appends /rest/v1. */
  url: string;
  serviceRoleKey: string;
  /** A JWT for any API role (anon, authenticated, service_role), signed like Supabase's keys. */
  keyFor(role: ApiRole): string;
  postgres: PostgresServer;
  postgrest: PostgrestServer;
  stop(): Promise<void>;
}

export interface SupabaseStandInOptions {
  /** PostgREST's connection pool (db-pool). Default 10, PostgREST's own default. */
  dbPool?: number;
}

/**
 * Real PostgreSQL 15 with the project's migrations, real PostgREST 12 in front of it with
 * Supabase's roles, and a proxy that serves it under /rest/v1 as Supabase does.
 */
export async function startSupabaseStandIn(options: SupabaseStandInOptions = {}): Promise<SupabaseStandIn> {
  const postgres = await startPostgres();
  try {
    await applyMigrations(postgres);
    // Supabase's login role for PostgREST: it switches to the role named in the request's JWT.
    await postgres.sql(`
      create role authenticator login noinherit;
      grant anon, authenticated, service_role to authenticator;
    `);
    const jwtSecret = randomSecret();
    const postgrest = await startPostgrest({
      dbUri: `postgres://authenticator@127.0.0.1:${postgres.port}/postgres`,
      jwtSecret,
      dbPool: options.dbPool ?? 10,
    });
    const keyFor = (role: ApiRole) => signJwt({ role, iss: "supabase-stand-in" }, jwtSecret);
    return {
      url: postgrest.url,
      serviceRoleKey: keyFor("service_role"),
      keyFor,
      postgres,
      postgrest,
      async stop() {
        await postgrest.stop();
        await postgres.stop();
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64url");
}

export type { ApiRole, SystemUser };
