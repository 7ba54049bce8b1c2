import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createSharedStoreFromEnv,
  createStoreFromEnv,
  StoreUnavailableError,
  storeConfigFromEnv,
} from "../../src/store/index.js";
import { freePort } from "../harness/process.js";
import { newProfile, newSessionId, snapshotOf } from "./fixtures.js";

/** The error `promise` rejects with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as Error;
}

describe("createStoreFromEnv", () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("requires SUPABASE_SERVICE_ROLE_KEY once SUPABASE_URL is set, and says so", async () => {
    await expect(createStoreFromEnv({ SUPABASE_URL: "https://abc.supabase.co" })).rejects.toThrow(
      /SUPABASE_SERVICE_ROLE_KEY is required when SUPABASE_URL is set/,
    );
    await expect(
      createStoreFromEnv({ SUPABASE_URL: "https://abc.supabase.co", SUPABASE_SERVICE_ROLE_KEY: "  " }),
    ).rejects.toThrow(/SUPABASE_SERVICE_ROLE_KEY/);
  });

  it("names SUPABASE_URL when it is not a URL", async () => {
    await expect(
      createStoreFromEnv({ SUPABASE_URL: "abc.supabase.co", SUPABASE_SERVICE_ROLE_KEY: "key" }),
    ).rejects.toThrow(/SUPABASE_URL must be an http\(s\) URL/);
  });

  it("uses Supabase when SUPABASE_URL is set", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const store = await createStoreFromEnv({ SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: "key" });
    // Nothing listens there: the failure shows which backend was chosen.
    await expect(store.load("s")).rejects.toThrow(StoreUnavailableError);
    await expect(store.load("s")).rejects.toThrow(/Supabase at http:\/\/127\.0\.0\.1/);
    await store.close();
  });

  it("uses PGlite in VOICE_ONBOARDING_DATA_DIR otherwise", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vo-env-"));
    folders.push(folder);
    const dataDir = join(folder, "nested", "pglite");
    const store = await createStoreFromEnv({ VOICE_ONBOARDING_DATA_DIR: dataDir });
    const profile = newProfile(newSessionId("env"));
    try {
      await store.create(profile, snapshotOf(profile));
      expect(await store.load(profile.sessionId)).toEqual(profile);
      expect("db" in store).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("uses plain Postgres when DATABASE_URL is set, and names DATABASE_URL when it cannot reach it", async () => {
    const port = await freePort();
    for (const scheme of ["postgres", "postgresql"]) {
      const store = await createStoreFromEnv({
        DATABASE_URL: `${scheme}://app:secret@127.0.0.1:${port}/app`,
      });
      try {
        expect("pool" in store).toBe(true);
        const error = await store.load("s").catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as Error).message).toMatch(
          new RegExp(`could not reach PostgreSQL at app@127\\.0\\.0\\.1:${port}/app .*check DATABASE_URL`),
        );
        expect((error as Error).message).not.toContain("secret");
      } finally {
        await store.close();
      }
    }
  });

  it("refuses a DATABASE_URL that is not a postgres URL, naming it and hiding the password", async () => {
    const wrongScheme = await failure(createStoreFromEnv({ DATABASE_URL: "mysql://app:secret@db:3306/app" }));
    expect(wrongScheme.message).toMatch(
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL .*got one that starts with "mysql:"$/,
    );
    const notAUrl = await failure(createStoreFromEnv({ DATABASE_URL: "app:secret@db.example.com/app" }));
    expect(notAUrl.message).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(notAUrl.message).not.toContain("secret");
    const unparsable = await failure(createStoreFromEnv({ DATABASE_URL: "postgres://app:pw@[db/app" }));
    expect(unparsable.message).toMatch(/^DATABASE_URL .* does not parse as a URL \(percent-encode/);
    expect(unparsable.message).not.toContain("pw@");
  });

  it("refuses DATABASE_URL and SUPABASE_URL together, naming both", async () => {
    await expect(
      createStoreFromEnv({
        DATABASE_URL: "postgres://127.0.0.1/app",
        SUPABASE_URL: "https://abc.supabase.co",
        SUPABASE_SERVICE_ROLE_KEY: "key",
      }),
    ).rejects.toThrow(/^DATABASE_URL and SUPABASE_URL are both set/);
  });

  it("checks DATABASE_POOL_MAX", async () => {
    const env = { DATABASE_URL: "postgres://127.0.0.1/app" };
    expect(storeConfigFromEnv({ ...env, DATABASE_POOL_MAX: "4" })).toEqual({
      kind: "postgres",
      connectionString: env.DATABASE_URL,
      poolMax: 4,
    });
    expect(storeConfigFromEnv({ ...env, DATABASE_POOL_MAX: " " })).toEqual({
      kind: "postgres",
      connectionString: env.DATABASE_URL,
    });
    for (const bad of ["0", "2.5", "many", "1001"]) {
      expect(() => storeConfigFromEnv({ ...env, DATABASE_POOL_MAX: bad })).toThrow(
        `DATABASE_POOL_MAX must be a whole number of connections from 1 to 1000, got "${bad}"`,
      );
    }
  });

  it("chooses DATABASE_URL, then SUPABASE_URL, then PGlite; blank values count as unset", () => {
    expect(
      storeConfigFromEnv({ DATABASE_URL: "postgresql://db/app", VOICE_ONBOARDING_DATA_DIR: "x" }).kind,
    ).toBe("postgres");
    expect(
      storeConfigFromEnv({
        DATABASE_URL: "  ",
        SUPABASE_URL: "https://abc.supabase.co",
        SUPABASE_SERVICE_ROLE_KEY: "k",
      }).kind,
    ).toBe("supabase");
    expect(storeConfigFromEnv({ DATABASE_URL: "", SUPABASE_URL: " " })).toEqual({
      kind: "pglite",
      dataDir: ".data/pglite",
    });
  });

  it("refuses the single-process PGlite store when the store must be shared, saying why and what to set", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vo-env-"));
    folders.push(folder);
    const dataDir = join(folder, "pglite");
    const error = await failure(
      createSharedStoreFromEnv({ VOICE_ONBOARDING_DATA_DIR: dataDir, DATABASE_URL: " " }),
    );
    expect(error.message).toMatch(/embedded PGlite store belongs to a single process/);
    expect(error.message).toMatch(
      /the worker's job processes and the session service \(`serve`\) are separate processes/,
    );
    expect(error.message).toMatch(/Set DATABASE_URL .* or SUPABASE_URL/);
    // Refused before opening anything.
    expect(existsSync(dataDir)).toBe(false);
    expect(() => storeConfigFromEnv({}, { shared: true })).toThrow(/no shared profile store is configured/);
  });

  it("accepts Supabase and Postgres as the shared store", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const supabase = await createSharedStoreFromEnv({ SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: "key" });
    await expect(supabase.load("s")).rejects.toThrow(/Supabase at http:\/\/127\.0\.0\.1/);
    await supabase.close();
    const postgres = await createSharedStoreFromEnv({
      DATABASE_URL: `postgres://127.0.0.1:${await freePort()}/app`,
    });
    await expect(postgres.load("s")).rejects.toThrow(/could not reach PostgreSQL/);
    await postgres.close();
  });
});
