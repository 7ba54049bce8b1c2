import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPostgresStore,
  createSharedStoreFromEnv,
  createStoreFromEnv,
  MigrationError,
  migratePostgres,
  type PostgresStore,
  readMigrations,
  StoreUnavailableError,
} from "../../src/store/index.js";
import { checkPostgres, type PostgresServer, startPostgres } from "../harness/postgres.js";
import { freePort, waitFor } from "../harness/process.js";
import { type Attempt, type ConformanceTarget, profileStoreConformance } from "./conformance.js";
import { apply, newProfile, newSessionId, snapshotOf, steadyChange } from "./fixtures.js";
import { serviceStoreConformance } from "./service-conformance.js";

const canRun = checkPostgres("the plain-Postgres adapter suite (real PostgreSQL 15)");

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const quiet = { warn: () => {} };

/** A pool of superuser connections for inspecting the database behind the store's back. */
function adminPool(uri: string): Pool {
  const pool = new Pool({ connectionString: uri, max: 3 });
  pool.on("error", () => {});
  return pool;
}

function statementFor(attempt: Attempt): [string, unknown[]] {
  if (attempt.kind === "select") return [`select * from public.${attempt.table}`, []];
  const names = Object.keys(attempt.args);
  const values = Object.values(attempt.args).map((value) =>
    typeof value === "object" && value !== null ? JSON.stringify(value) : value,
  );
  return [
    `select public.${attempt.fn}(${names.map((name, i) => `${name} => $${i + 1}`).join(", ")})`,
    values,
  ];
}

/** A migrated PostgreSQL 15 of its own, and the store on it. */
async function migratedServer(): Promise<ConformanceTarget & { store: PostgresStore }> {
  const server = await startPostgres();
  const admin = adminPool(server.uri);
  try {
    await migratePostgres(server.uri);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const store = createPostgresStore({ connectionString: server.uri, logger: quiet });
  return {
    store,
    adminQuery: async (sql) => (await admin.query(sql)).rows,
    tryAs: async (role, attempt) => {
      const client = await admin.connect();
      try {
        // SET LOCAL ends with the transaction, so the connection goes back to the owner.
        await client.query("begin");
        await client.query(`set local role ${role}`);
        await client.query(...statementFor(attempt));
        return { allowed: true };
      } catch (error) {
        return { allowed: false, code: (error as { code?: string }).code };
      } finally {
        await client.query("rollback").catch(() => {});
        client.release();
      }
    },
    takeDown: () => server.halt(),
    teardown: async () => {
      await store.close();
      await admin.end();
      await server.stop();
    },
  };
}

describe.skipIf(!canRun)("postgres adapter against PostgreSQL 15", () => {
  profileStoreConformance("postgres (node-postgres on PostgreSQL 15)", migratedServer);
  serviceStoreConformance("postgres (node-postgres on PostgreSQL 15)", migratedServer);
});

describe.skipIf(!canRun)("postgres: migrations, failures, environment and the migrate command", () => {
  let server: PostgresServer;
  let admin: Pool;
  let folder: string;
  let databases = 0;

  beforeAll(async () => {
    server = await startPostgres();
    admin = adminPool(server.uri);
    folder = await mkdtemp(join(tmpdir(), "vo-postgres-test-"));
  });
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  /** A new empty database on the suite's server; its connection string. */
  async function freshDatabase(label: string): Promise<string> {
    const name = `${label}_${++databases}`;
    await admin.query(`create database ${name}`);
    return server.uri.replace(/\/postgres$/, `/${name}`);
  }

  async function recorded(uri: string): Promise<string[]> {
    const pool = adminPool(uri);
    try {
      const { rows } = await pool.query<{ version: string }>(
        "select version from supabase_migrations.schema_migrations order by version",
      );
      return rows.map((row) => row.version);
    } finally {
      await pool.end();
    }
  }

  it("applies every migration once, records it as the supabase CLI does, and applies nothing the second time", async () => {
    const uri = await freshDatabase("idempotent");
    const all = (await readMigrations()).map((m) => m.version);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];

    const first = await migratePostgres(uri, { onApplied: (m) => seen.push(m.version) });
    expect(first.map((m) => m.version)).toEqual(all);
    expect(seen).toEqual(all);
    expect(await recorded(uri)).toEqual(all);

    expect(await migratePostgres(uri)).toEqual([]);
    expect(await recorded(uri)).toEqual(all);

    const store = createPostgresStore({ connectionString: uri, logger: quiet });
    try {
      const profile = newProfile(newSessionId("migrated"));
      await store.create(profile, snapshotOf(profile));
      expect(await store.load(profile.sessionId)).toEqual(profile);
      // A pool works as a target too, and finds nothing to do.
      expect(await migratePostgres(store.pool)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("lets concurrent migrators apply each migration exactly once", async () => {
    const uri = await freshDatabase("concurrent");
    const all = (await readMigrations()).map((m) => m.version);
    const store = createPostgresStore({ connectionString: uri, logger: quiet });
    try {
      const runs = await Promise.all([
        migratePostgres(uri),
        migratePostgres(uri),
        migratePostgres(store.pool),
        migratePostgres(uri),
      ]);
      const applied = runs.flat().map((m) => m.version);
      expect(applied.sort()).toEqual(all);
      expect(await recorded(uri)).toEqual(all);
      expect(await store.load(newSessionId("after-race"))).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("rolls back a failing migration, names it, and keeps the ones before it", async () => {
    const uri = await freshDatabase("broken");
    const dir = join(folder, "broken-migrations");
    await mkdir(dir);
    await writeFile(join(dir, "20990101000000_good.sql"), "create table public.good_one (id int);");
    await writeFile(
      join(dir, "20990101000001_broken.sql"),
      "create table public.half_done (id int);\nselect * from public.no_such_table;",
    );
    await writeFile(join(dir, "20990101000002_later.sql"), "create table public.later_one (id int);");

    const error = await migratePostgres(uri, { migrationsDir: dir }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration.version).toBe("20990101000001");
    expect((error as Error).message).toMatch(/migration 20990101000001_broken failed and was rolled back/);
    expect((error as Error).message).toMatch(/no_such_table/);
    expect(await recorded(uri)).toEqual(["20990101000000"]);

    const pool = adminPool(uri);
    try {
      const { rows } = await pool.query(
        "select to_regclass('public.good_one') is not null as good, to_regclass('public.half_done') is not null as half, to_regclass('public.later_one') is not null as later",
      );
      expect(rows).toEqual([{ good: true, half: false, later: false }]);
    } finally {
      await pool.end();
    }
  });

  it("tells the operator to run migrate when the database was never migrated", async () => {
    const uri = await freshDatabase("unmigrated");
    const store = createPostgresStore({ connectionString: uri, logger: quiet });
    try {
      const profile = newProfile(newSessionId("unmigrated"));
      const calls: [() => Promise<unknown>, string][] = [
        [() => store.load(profile.sessionId), "get_job_profile"],
        [() => store.create(profile, snapshotOf(profile)), "create_job_profile"],
      ];
      for (const [call, fn] of calls) {
        const error = await call().catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as Error).message).toMatch(/has not been migrated/);
        expect((error as Error).message).toContain(`public.${fn} is missing`);
        expect((error as Error).message).toMatch(/run `voice-onboarding-agent migrate` with DATABASE_URL/);
        expect((error as Error).message).toMatch(/session "unmigrated-/);
      }
    } finally {
      await store.close();
    }
  });

  it("names the database in DATABASE_URL when it does not exist", async () => {
    const store = createPostgresStore({
      connectionString: server.uri.replace(/\/postgres$/, "/no_such_db"),
      logger: quiet,
    });
    try {
      const error = await store.load(newSessionId("nodb")).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(
        /has no such database .*3D000.*check the database name .* in DATABASE_URL/,
      );
    } finally {
      await store.close();
    }
  });

  it("cancels a call after statementTimeoutMs (a commit stuck behind a lock) and writes nothing", async () => {
    const uri = await freshDatabase("timeout");
    await migratePostgres(uri);
    const store = createPostgresStore({ connectionString: uri, statementTimeoutMs: 300, logger: quiet });
    const blocker = adminPool(uri);
    const locker = await blocker.connect();
    try {
      const v0 = newProfile(newSessionId("locked"));
      await store.create(v0, snapshotOf(v0));
      await locker.query("begin");
      await locker.query("select 1 from public.job_profiles where session_id = $1 for update", [
        v0.sessionId,
      ]);

      const message = steadyChange(v0, 1);
      const started = Date.now();
      const error = await store
        .commit(v0.sessionId, 0, apply(v0, message), message)
        .catch((reason: unknown) => reason);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/statement_timeout \(300 ms\), nothing was written/);

      await locker.query("rollback");
      expect(await store.load(v0.sessionId)).toEqual(v0);
      expect(await store.messages(v0.sessionId)).toHaveLength(1);
    } finally {
      await locker.query("rollback").catch(() => {});
      locker.release();
      await blocker.end();
      await store.close();
    }
  });

  it("opens plain Postgres from DATABASE_URL with DATABASE_POOL_MAX, also as the shared store", async () => {
    const uri = await freshDatabase("env");
    await migratePostgres(uri);
    const store = await createStoreFromEnv({ DATABASE_URL: uri, DATABASE_POOL_MAX: "3" });
    const shared = await createSharedStoreFromEnv({ DATABASE_URL: uri });
    try {
      expect((store as PostgresStore).pool.options.max).toBe(3);
      const profile = newProfile(newSessionId("env-pg"));
      await store.create(profile, snapshotOf(profile));
      // A second process's store sees the same profile.
      expect(await shared.load(profile.sessionId)).toEqual(profile);
    } finally {
      await store.close();
      await shared.close();
    }
  });

  describe("voice-onboarding-agent migrate", () => {
    it("applies the migrations to DATABASE_URL and prints them, then says the database is up to date", async () => {
      const uri = await freshDatabase("cli");
      const names = (await readMigrations()).map((m) => `${m.version}_${m.name}`);

      const first = await cli(["migrate"], { DATABASE_URL: uri });
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout.trim().split("\n")).toEqual([
        ...names.map((name) => `applied ${name}`),
        `applied ${names.length} migrations; the database is up to date`,
      ]);
      expect(await recorded(uri)).toEqual((await readMigrations()).map((m) => m.version));

      const second = await cli(["migrate"], { DATABASE_URL: uri });
      expect(second.code).toBe(0);
      expect(second.stdout).toBe("the database is up to date: no migration to apply\n");
    });
  });
});

describe.skipIf(!canRun)("postgres adapter when the database stops", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
    await migratePostgres(server.uri);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("survives idle connections dying, answers StoreUnavailableError naming DATABASE_URL promptly, and refuses calls after close", async () => {
    const warnings: string[] = [];
    const store = createPostgresStore({
      connectionString: server.uri,
      logger: { warn: (line) => warnings.push(line) },
    });
    const profile = newProfile(newSessionId("stopping"));
    await store.create(profile, snapshotOf(profile));
    // Several idle connections in the pool when the server goes away.
    await Promise.all([1, 2, 3].map(() => store.load(profile.sessionId)));
    expect(store.pool.idleCount).toBeGreaterThan(0);

    await server.halt();
    // Each idle connection's error reaches the logger, not an unhandled 'error' event.
    await waitFor("the idle-connection warning", 5_000, async () => warnings.length > 0);
    expect(warnings[0]).toMatch(/idle PostgreSQL connection to postgres@127\.0\.0\.1:\d+\/postgres failed/);

    const started = Date.now();
    const outcomes = await Promise.allSettled([
      store.load(profile.sessionId),
      store.messages(profile.sessionId),
      store.create(newProfile(newSessionId("stopped")), snapshotOf(profile)),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      const error = (outcome as PromiseRejectedResult).reason as Error;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toMatch(/could not reach PostgreSQL at postgres@127\.0\.0\.1:\d+\/postgres/);
      expect(error.message).toMatch(/check DATABASE_URL and that the database is up/);
      expect(error.cause).toBeDefined();
    }

    await store.close();
    await store.close();
    await expect(store.load(profile.sessionId)).rejects.toThrow(
      /the Postgres profile store is closed: cannot load session/,
    );
    await expect(store.load(profile.sessionId)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe("postgres adapter without a database", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers: a database host that hangs.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up on a server that never answers after connectionTimeoutMs", async () => {
    const { port } = silent.address() as { port: number };
    const store = createPostgresStore({
      connectionString: `postgresql://app:secret@127.0.0.1:${port}/app`,
      connectionTimeoutMs: 300,
      logger: quiet,
    });
    try {
      const started = Date.now();
      const error = await store.load(newSessionId("hanging")).catch((reason: unknown) => reason);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(
        new RegExp(`could not connect to PostgreSQL at app@127\\.0\\.0\\.1:${port}/app within 300 ms`),
      );
      expect((error as Error).message).toMatch(/check the host and port in DATABASE_URL/);
      expect((error as Error).message).not.toContain("secret");
    } finally {
      await store.close();
    }
  });

  it("refuses a connection string that is not a postgres URL, without echoing the password", () => {
    expect(() => createPostgresStore({ connectionString: "mysql://app:secret@db/app" })).toThrow(
      /connectionString must be a postgres:\/\/ or postgresql:\/\/ URL .*got one that starts with "mysql:"$/,
    );
  });

  describe("voice-onboarding-agent migrate", () => {
    it("names DATABASE_URL when it is unset, invalid or unreachable, and exits 1", async () => {
      const unset = await cli(["migrate"], { DATABASE_URL: undefined });
      expect(unset.code).toBe(1);
      expect(unset.stdout).toBe("");
      expect(unset.stderr).toMatch(/^voice-onboarding-agent migrate: DATABASE_URL is not set/);

      const invalid = await cli(["migrate"], { DATABASE_URL: "https://db.example.com/app" });
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);

      const port = await freePort();
      const down = await cli(["migrate"], { DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/app` });
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(
        new RegExp(
          `cannot migrate app@127\\.0\\.0\\.1:${port}/app: could not reach PostgreSQL .*check DATABASE_URL`,
        ),
      );
      expect(down.stderr).not.toContain("secret");
    });

    it("takes no arguments (exit 2)", async () => {
      const outcome = await cli(["migrate", "now"], { DATABASE_URL: undefined });
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/migrate takes no arguments/);
    });
  });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `voice-onboarding-agent <args>` as a user runs it: a separate Node process with `env` over ours. */
function cli(args: string[], env: Record<string, string | undefined>): Promise<Outcome> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "" };
  for (const name of ["DATABASE_URL", "DATABASE_POOL_MAX", "SUPABASE_URL"]) delete childEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      // No kill on timeout would hide a process that never exits; 60 s is far above a normal run.
      { cwd: PACKAGE_DIR, timeout: 60_000, env: childEnv },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}
