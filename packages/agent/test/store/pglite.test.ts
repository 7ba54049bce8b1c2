import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPgliteStore, type PgliteStore, readMigrations } from "../../src/store/index.js";
import { type Attempt, type ConformanceTarget, profileStoreConformance } from "./conformance.js";
import { newProfile, newSessionId, snapshotOf } from "./fixtures.js";
import { serviceStoreConformance } from "./service-conformance.js";

const inMemory = async (): Promise<ConformanceTarget & { store: PgliteStore }> => {
  const store = await createPgliteStore();
  return {
    store,
    adminQuery: async (sql) => (await store.db.query<Record<string, unknown>>(sql)).rows,
    tryAs: async (role, attempt) => {
      try {
        // SET LOCAL ends with the transaction, so the shared connection goes back to the owner.
        await store.db.transaction(async (tx) => {
          await tx.exec(`set local role ${role}`);
          await tx.query(...statementFor(attempt));
        });
        return { allowed: true };
      } catch (error) {
        return { allowed: false, code: (error as { code?: string }).code };
      }
    },
    takeDown: () => store.db.close(),
    teardown: () => store.close(),
  };
};

profileStoreConformance("pglite (in memory)", inMemory);
serviceStoreConformance("pglite (in memory)", inMemory);

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

describe("pglite data folder", () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("keeps profiles across a reopen and does not run migrations twice", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "vo-pglite-"));
    folders.push(dataDir);
    const profile = newProfile(newSessionId("persist"));

    let store: PgliteStore = await createPgliteStore({ dataDir });
    await store.create(profile, snapshotOf(profile));
    await store.close();

    store = await createPgliteStore({ dataDir });
    try {
      expect(await store.load(profile.sessionId)).toEqual(profile);
      const applied = await store.db.query<{ version: string }>(
        "select version from supabase_migrations.schema_migrations order by version",
      );
      expect(applied.rows.map((row) => row.version)).toEqual((await readMigrations()).map((m) => m.version));
    } finally {
      await store.close();
    }
  });
});
