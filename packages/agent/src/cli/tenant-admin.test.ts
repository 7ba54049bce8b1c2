import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newProfile, snapshotOf } from "../../test/store/fixtures.js";
import { hashApiKey } from "../server/api-keys.js";
import { createPgliteStore, type PgliteStore } from "../store/pglite.js";
import { TenantStore } from "../store/tenant-store.js";
import { keysCommand, parseAge, purgeCommand } from "./tenant-admin.js";
import { UsageError } from "./usage.js";

// The commands run on a real store (in-memory PGlite) that outlives each command.
let store: PgliteStore;
const openStore = async () => Object.assign(Object.create(store) as PgliteStore, { close: async () => {} });

async function run(command: typeof keysCommand, args: string[]): Promise<string> {
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  await command(args, { output, openStore });
  return text;
}

beforeAll(async () => {
  store = await createPgliteStore();
});
afterAll(async () => {
  await store?.close();
});

describe("keys and purge commands", () => {
  it("creates a key shown once and stored hashed, lists and revokes it", async () => {
    const created = await run(keysCommand, ["create", "--tenant", "acme", "--label", "prod"]);
    const [, keyId] = /created (key_[0-9a-f]+) for tenant acme/.exec(created) ?? [];
    const key = created.trim().split("\n").at(-1) ?? "";
    expect(key).toMatch(/^vok_[A-Za-z0-9_-]{43}$/);
    await run(keysCommand, ["create", "--tenant", "acme"]);

    const listed = await run(keysCommand, ["list", "--tenant", "acme"]);
    expect(listed.split("\n").filter(Boolean)).toHaveLength(2);
    expect(listed).toContain(`${keyId}\tactive`);
    expect(listed).toContain("prod");
    expect(listed).not.toContain(key);

    expect(await run(keysCommand, ["revoke", keyId ?? "", "--tenant", "acme"])).toMatch(/revoked/);
    expect(await run(keysCommand, ["list", "--tenant", "acme"])).toMatch(new RegExp(`${keyId}\\trevoked`));
    expect(await new TenantStore(store).authenticate(hashApiKey(key))).toBeNull();
  });

  it("refuses bad command lines with a usage error and writes nothing", async () => {
    for (const args of [
      ["create"],
      ["create", "--tenant", "Not Valid"],
      ["rotate", "--tenant", "acme"],
      ["revoke", "--tenant", "acme"],
      ["list", "--tenant", "acme", "extra"],
    ]) {
      await expect(run(keysCommand, args)).rejects.toBeInstanceOf(UsageError);
    }
    await expect(run(keysCommand, ["revoke", "key_0000000000", "--tenant", "acme"])).rejects.toThrow(
      /has no key/,
    );
    await expect(run(purgeCommand, [])).rejects.toThrow(/--older-than is required/);
    await expect(run(purgeCommand, ["--older-than", "soon"])).rejects.toThrow(/e\.g\. 30d/);
  });

  it("purges sessions older than the age", async () => {
    expect(parseAge("30d")).toBe(30 * 86_400_000);
    expect(parseAge("12h")).toBe(12 * 3_600_000);
    expect(parseAge("90m")).toBe(90 * 60_000);
    const [old, fresh] = [newProfile("purge-old"), newProfile("purge-fresh")];
    await store.create(old, snapshotOf(old), "default");
    await store.create(fresh, snapshotOf(fresh), "default");
    await store.db.query(
      "update public.job_profiles set updated_at = now() - interval '31 days' where session_id = $1",
      [old.sessionId],
    );
    expect(await run(purgeCommand, ["--older-than", "30d"])).toMatch(
      /^erased 1 session\(s\) last changed before/,
    );
    expect(await store.load(old.sessionId)).toBeNull();
    expect(await store.messages(old.sessionId)).toEqual([]);
    expect(await store.load(fresh.sessionId)).toEqual(fresh);
  });
});
