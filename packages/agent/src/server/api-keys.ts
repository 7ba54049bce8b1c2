import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { DEFAULT_TENANT, type TenantStore } from "../store/tenant-store.js";
import { HttpError } from "./http-io.js";

/** Every tenant key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "vok_";

export interface Caller {
  tenantId: string;
  /** `bootstrap` for VOICE_ONBOARDING_API_KEY. */
  keyId: string;
}

export interface NewApiKey {
  id: string;
  /** Shown once; only its hash is stored. */
  key: string;
  hash: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Hex SHA-256 of a key: what the tenant_api_keys table stores and looks up. */
export const hashApiKey = (key: string) => sha256(key).toString("hex");

/** 256 random bits: high entropy, so a plain SHA-256 is enough to store it (no password hashing). */
export function generateApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { id: `key_${randomBytes(10).toString("hex")}`, key, hash: hashApiKey(key) };
}

/**
 * Who sent a request: the bootstrap key (the default tenant) or an active tenant key.
 * Both checks compare SHA-256 digests, which always have the same length, so neither the time
 * taken nor an early exit tells anything about the key's length or its leading characters.
 */
export function createAuthenticator(bootstrapKey: string, tenants: TenantStore) {
  const bootstrap = sha256(bootstrapKey);
  return async (request: IncomingMessage): Promise<Caller> => {
    const header = request.headers.authorization ?? "";
    const presented = header.startsWith("Bearer ") ? header.slice(7) : "";
    const digest = sha256(presented);
    if (timingSafeEqual(digest, bootstrap)) return { tenantId: DEFAULT_TENANT, keyId: "bootstrap" };
    const found = presented.startsWith(API_KEY_PREFIX)
      ? await tenants.authenticate(digest.toString("hex"))
      : null;
    if (found === null) {
      throw new HttpError(
        401,
        "unauthorized",
        "missing, wrong or revoked API key: send Authorization: Bearer <key> (a tenant key from `voice-onboarding-agent keys create`, or VOICE_ONBOARDING_API_KEY)",
        { "www-authenticate": "Bearer" },
      );
    }
    return found;
  };
}
