import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStoreFromEnv, StoreUnavailableError } from "../../src/store/index.js";
import { freePort } from "../harness/process.js";
import { newProfile, newSessionId, snapshotOf } from "./fixtures.js";

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
});
