import { parseArgs } from "node:util";
import { generateApiKey } from "../server/api-keys.js";
import { createStoreFromEnv } from "../store/from-env.js";
import type { DatabaseStore } from "../store/function-caller.js";
import { TENANT_ID_PATTERN, TenantStore } from "../store/tenant-store.js";
import { KEYS_USAGE, PURGE_USAGE, UsageError } from "./usage.js";

export interface AdminIO {
  output: NodeJS.WritableStream;
  /** Opens the store the command works on (closed after it). Default: the environment's, as `serve`. */
  openStore: () => Promise<DatabaseStore>;
}

const defaultIO: AdminIO = { output: process.stdout, openStore: () => createStoreFromEnv(process.env) };

function parse(args: string[], usage: string, options: Record<string, { type: "string" }>) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; usage: ${usage}`);
  }
}

function tenantOf(value: string | undefined, usage: string): string {
  if (value === undefined) throw new UsageError(`--tenant is required; usage: ${usage}`);
  if (!TENANT_ID_PATTERN.test(value)) {
    throw new UsageError(
      `--tenant must be 1-63 lower-case letters, digits, "_" or "-", starting with a letter or digit, got "${value}"`,
    );
  }
  return value;
}

async function withTenants<T>(io: AdminIO, work: (tenants: TenantStore) => Promise<T>): Promise<T> {
  const store = await io.openStore();
  try {
    return await work(new TenantStore(store));
  } finally {
    await store.close();
  }
}

/** `keys create|list|revoke --tenant <id>`: API keys per tenant, several active at once for rotation. */
export async function keysCommand(args: string[], io: AdminIO = defaultIO): Promise<void> {
  const { positionals, values } = parse(args, KEYS_USAGE, {
    tenant: { type: "string" },
    label: { type: "string" },
  });
  const [action, keyId, ...extra] = positionals;
  const tenantId = tenantOf(values.tenant, KEYS_USAGE);
  const say = (line: string) => io.output.write(`${line}\n`);
  const expectArgs = (count: number) => {
    if (positionals.length !== count) throw new UsageError(`wrong number of arguments; usage: ${KEYS_USAGE}`);
  };
  switch (action) {
    case "create": {
      expectArgs(1);
      const label = values.label ?? "";
      if (label.length > 100) throw new UsageError("--label takes at most 100 characters");
      const key = generateApiKey();
      await withTenants(io, (tenants) => tenants.createApiKey(tenantId, { ...key, label }));
      say(
        `created ${key.id} for tenant ${tenantId}. The key is shown only now; store it in your secret manager:`,
      );
      say(key.key);
      return;
    }
    case "list": {
      expectArgs(1);
      const keys = await withTenants(io, (tenants) => tenants.listApiKeys(tenantId));
      if (keys.length === 0) say(`tenant ${tenantId} has no API keys`);
      for (const key of keys) {
        const state = key.revokedAt === null ? "active" : `revoked ${key.revokedAt}`;
        say(`${key.id}\t${state}\tcreated ${key.createdAt}${key.label ? `\t${key.label}` : ""}`);
      }
      return;
    }
    case "revoke": {
      if (keyId === undefined || extra.length > 0)
        throw new UsageError(`revoke takes one key id; usage: ${KEYS_USAGE}`);
      const revoked = await withTenants(io, (tenants) => tenants.revokeApiKey(tenantId, keyId));
      if (!revoked)
        throw new UsageError(
          `tenant ${tenantId} has no key ${keyId} (see \`keys list --tenant ${tenantId}\`)`,
        );
      say(`revoked ${keyId} of tenant ${tenantId}; requests with it are refused from now on`);
      return;
    }
    default:
      throw new UsageError(`unknown keys action "${action ?? ""}"; usage: ${KEYS_USAGE}`);
  }
}

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `30d`, `12h`, `90m`. */
export function parseAge(text: string): number {
  const match = /^(\d{1,6})([dhm])$/.exec(text);
  if (!match)
    throw new UsageError(`--older-than takes a number and a unit (d, h or m), e.g. 30d, got "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** `purge --older-than 30d [--tenant <id>]`: erases sessions untouched for that long. */
export async function purgeCommand(args: string[], io: AdminIO = defaultIO): Promise<void> {
  const { positionals, values } = parse(args, PURGE_USAGE, {
    "older-than": { type: "string" },
    tenant: { type: "string" },
  });
  if (positionals.length > 0)
    throw new UsageError(`purge takes no positional arguments; usage: ${PURGE_USAGE}`);
  const age = values["older-than"];
  if (age === undefined) throw new UsageError(`--older-than is required; usage: ${PURGE_USAGE}`);
  const cutoff = new Date(Date.now() - parseAge(age));
  const tenantId = values.tenant === undefined ? undefined : tenantOf(values.tenant, PURGE_USAGE);
  const { sessions, deliveries } = await withTenants(io, (tenants) => tenants.purge(cutoff, tenantId));
  io.output.write(
    `erased ${sessions} session(s) last changed before ${cutoff.toISOString()}${tenantId ? ` (tenant ${tenantId})` : ""}, with their event logs and webhook payloads; removed ${deliveries} finished webhook deliveries\n`,
  );
}
