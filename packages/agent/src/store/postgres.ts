import { Pool, type PoolClient, type QueryResultRow } from "pg";
import { isRejection, rejected, subjectOf, unavailable } from "./errors.js";
import type { FunctionCaller } from "./function-caller.js";
import {
  applyMigrations,
  type Migration,
  type MigrationDatabase,
  MigrationError,
  readMigrations,
} from "./migrations.js";
import { type ProfileStore, StoreUnavailableError } from "./profile-store.js";
import { type FunctionCall, SqlProfileStore } from "./sql-store.js";
import type { TurnLatencyStore } from "./turn-latency-store.js";

export interface PostgresStoreOptions {
  /** postgres:// or postgresql:// URL of a database migrated with `voice-onboarding-agent migrate` (DATABASE_URL). */
  connectionString: string;
  /** The store's connection pool; create one store per process. `max` defaults to 10. */
  pool?: { max?: number; idleTimeoutMs?: number };
  /** Limit on opening a connection, so an unreachable database fails instead of hanging. Default 5 s. */
  connectionTimeoutMs?: number;
  /**
   * The server cancels a statement after this long (`statement_timeout`; nothing is written), and
   * the client gives up one second later if the server does not answer at all. Default 10 s.
   */
  statementTimeoutMs?: number;
  /** Where failures of idle pooled connections are reported (they never throw). Default: console. */
  logger?: StoreLogger;
}

export interface StoreLogger {
  warn(message: string): void;
}

export interface PostgresStore extends ProfileStore, FunctionCaller, TurnLatencyStore {
  /** The store's pool, for inspection, tests and `migratePostgres`. Ended by `close()`. */
  readonly pool: Pool;
}

const DEFAULTS = { max: 10, idleTimeoutMs: 10_000, connectionTimeoutMs: 5_000, statementTimeoutMs: 10_000 };

/**
 * Calls the SQL functions of supabase/migrations on plain PostgreSQL through node-postgres.
 * It does not migrate: run `voice-onboarding-agent migrate` (or `migratePostgres`) first; an
 * unmigrated database fails on first use with a message saying so. Connects lazily.
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const url = checkPostgresUrl(options.connectionString, "connectionString");
  const connectionTimeoutMs = options.connectionTimeoutMs ?? DEFAULTS.connectionTimeoutMs;
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs;
  const limits: Limits = {
    target: describeTarget(url),
    connectionTimeoutMs,
    statementTimeoutMs,
    queryTimeoutMs: statementTimeoutMs + 1_000,
  };
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.pool?.max ?? DEFAULTS.max,
    idleTimeoutMillis: options.pool?.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
    connectionTimeoutMillis: connectionTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: limits.queryTimeoutMs,
    keepAlive: true,
    application_name: "voice-onboarding-agent",
  });
  reportIdleErrors(pool, limits.target, options.logger ?? console);
  return new PostgresProfileStore(pool, limits);
}

export interface MigratePostgresOptions {
  /** Defaults to the nearest `supabase/migrations`. */
  migrationsDir?: string;
  /** Called after each migration is committed. */
  onApplied?: (migration: Migration) => void;
  /** Only when given a connection string. Default 5 s. */
  connectionTimeoutMs?: number;
  /** Only when given a connection string. Default: console. */
  logger?: StoreLogger;
}

/**
 * Applies supabase/migrations to a PostgreSQL database, in order, each in one transaction,
 * recorded in `supabase_migrations.schema_migrations` as the supabase CLI does. Concurrent
 * migrators wait for each other (advisory lock), so each migration is applied once.
 * Given a connection string it opens and ends its own connection; a pool is left open.
 * Resolves with the migrations it applied (none when the database was up to date).
 * Throws MigrationError when a migration's SQL fails, StoreUnavailableError when the database
 * cannot be reached.
 */
export async function migratePostgres(
  target: string | Pool,
  options: MigratePostgresOptions = {},
): Promise<Migration[]> {
  const migrations = await readMigrations(options.migrationsDir);
  const connectionTimeoutMs = options.connectionTimeoutMs ?? DEFAULTS.connectionTimeoutMs;
  let pool: Pool;
  let where: string;
  if (typeof target === "string") {
    const url = checkPostgresUrl(target, "connectionString");
    where = describeTarget(url);
    // No statement timeout: a migration may rightly take long, and waits for other migrators.
    pool = new Pool({
      connectionString: target,
      max: 1,
      connectionTimeoutMillis: connectionTimeoutMs,
      application_name: "voice-onboarding-agent migrate",
    });
    reportIdleErrors(pool, where, options.logger ?? console);
  } else {
    pool = target;
    where = "the database";
  }
  try {
    return await applyMigrations(poolMigrationDatabase(pool), migrations, options.onApplied);
  } catch (cause) {
    if (cause instanceof MigrationError) throw cause;
    throw unavailable(
      `cannot migrate ${where}: ${explain(cause, { target: where, connectionTimeoutMs, statementTimeoutMs: 0, queryTimeoutMs: 0 })}`,
      cause,
    );
  } finally {
    if (typeof target === "string") await pool.end().catch(() => {});
  }
}

/** Parses a postgres:// or postgresql:// URL; the error names `label` and never echoes a password. */
export function checkPostgresUrl(value: string, label: string): URL {
  const example = "postgresql://user:password@host:5432/dbname";
  if (!URL.canParse(value)) {
    throw new Error(
      `${label} must be a postgres:// or postgresql:// URL such as ${example}, but it does not parse as a URL (percent-encode characters such as @ : / # ? in the user name and password)`,
    );
  }
  const url = new URL(value);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    // Only the scheme is echoed: the rest may hold a password, in a place no parser can tell.
    throw new Error(
      `${label} must be a postgres:// or postgresql:// URL such as ${example}, got one that starts with "${url.protocol}"`,
    );
  }
  return url;
}

/** user@host:port/database, for messages: never the password. */
function describeTarget(url: URL): string {
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const database = decodeURIComponent(url.pathname.slice(1));
  const user = decodeURIComponent(url.username);
  return `${user ? `${user}@` : ""}${host}:${url.port || "5432"}${database ? `/${database}` : ""}`;
}

/** An idle client's error (the server restarted, the network dropped) is emitted on the pool: without a listener it would crash the process. */
function reportIdleErrors(pool: Pool, target: string, logger: StoreLogger): void {
  pool.on("error", (error) => {
    logger.warn(
      `voice-onboarding: an idle PostgreSQL connection to ${target} failed (${messageOf(error)}); a new one is opened when needed`,
    );
  });
}

function poolMigrationDatabase(pool: Pool): MigrationDatabase {
  return {
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("begin");
        const result = await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <R>(sql: string, params?: unknown[]) =>
            (await client.query<QueryResultRow>(sql, params)).rows as R[],
        });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch((failure: unknown) => {
          broken = failure instanceof Error ? failure : new Error(String(failure));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

interface Limits {
  target: string;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  queryTimeoutMs: number;
}

const heardClients = new WeakSet<PoolClient>();

class PostgresProfileStore extends SqlProfileStore implements PostgresStore {
  private closed = false;

  constructor(
    readonly pool: Pool,
    private readonly limits: Limits,
  ) {
    super();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  protected async call<T>(call: FunctionCall): Promise<T> {
    const { fn, sql, params } = call;
    const subject = subjectOf(call);
    const what = `cannot ${subject}`;
    if (this.closed) {
      throw new StoreUnavailableError(`the Postgres profile store is closed: ${what}`, { written: "no" });
    }
    let client: PoolClient;
    try {
      client = await this.pool.connect();
      // A server shutting down (57P01) fails the running query, which reports it, and also emits
      // 'error' on the checked-out client: unheard, that would crash the process.
      if (!heardClients.has(client)) {
        heardClients.add(client);
        client.on("error", () => {});
      }
    } catch (cause) {
      // No connection, no statement: nothing can have been written.
      throw unavailable(`${what}: ${explain(cause, this.limits)}`, cause, "no");
    }
    try {
      const { rows } = await client.query<{ result: unknown }>(sql, params);
      client.release();
      return rows[0]?.result as T;
    } catch (cause) {
      const code = codeOf(cause);
      // A refused write leaves the connection usable; after anything else it is dropped.
      client.release(isRejection(code) ? undefined : (cause as Error));
      if (isRejection(code)) throw rejected(subject, cause, messageOf(cause));
      throw unavailable(`${what}: ${explain(cause, this.limits, fn)}`, cause);
    }
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's AggregateError (every address of a host refused) has an empty message.
  return error.message || codeOf(error) || error.name;
}

/** What went wrong and what to check, for an operator reading a log line. */
function explain(error: unknown, limits: Limits, fn?: string): string {
  const { target } = limits;
  const code = codeOf(error);
  const message = messageOf(error);
  const got = `(${code && code !== message ? `${code}: ` : ""}${message})`;
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  if (code === "42883" || code === "42P01") {
    const missing =
      fn === undefined ? "its tables or functions are missing" : `the SQL function public.${fn} is missing`;
    return `the database ${target} has not been migrated: ${missing} ${got}; run \`voice-onboarding-agent migrate\` with DATABASE_URL pointing at it`;
  }
  if (code === "57014") {
    return `PostgreSQL at ${target} cancelled the call after statement_timeout (${limits.statementTimeoutMs} ms), nothing was written ${got}; check the database's load and long-held locks`;
  }
  if (message === "Query read timeout") {
    return `PostgreSQL at ${target} did not answer within ${limits.queryTimeoutMs} ms; a write may or may not have landed, so reload before retrying. Check that the database is up and reachable (DATABASE_URL)`;
  }
  if (/timeout exceeded when trying to connect|connection timeout|timeout expired/i.test(message)) {
    return `could not connect to PostgreSQL at ${target} within ${limits.connectionTimeoutMs} ms ${got}; check the host and port in DATABASE_URL and that the database is up and reachable from here`;
  }
  if (code?.startsWith("28")) {
    return `PostgreSQL at ${target} refused the login ${got}; check the user name and password in DATABASE_URL`;
  }
  if (code === "3D000") {
    return `PostgreSQL at ${target} has no such database ${got}; check the database name (the path) in DATABASE_URL`;
  }
  if (code === "42501") {
    return `permission denied ${got}; the role in DATABASE_URL must be the one that ran the migrations or a member of service_role`;
  }
  if (code === "53300") {
    return `PostgreSQL at ${target} has no free connection slots ${got}; lower DATABASE_POOL_MAX or raise the server's max_connections`;
  }
  if (code?.startsWith("57P")) {
    return `PostgreSQL at ${target} closed the connection: it is shutting down or restarting ${got}; check that the database is up (DATABASE_URL)`;
  }
  if (isSqlState) {
    return `PostgreSQL at ${target} failed ${got}; check the database's health and logs`;
  }
  return `could not reach PostgreSQL at ${target} ${got}; check DATABASE_URL and that the database is up and reachable from here`;
}
