import { createPgliteStore } from "./pglite.js";
import type { ProfileStore } from "./profile-store.js";

export const DEFAULT_DATA_DIR = ".data/pglite";

export type StoreEnv = Readonly<Record<string, string | undefined>>;

/**
 * Supabase when SUPABASE_URL is set (then SUPABASE_SERVICE_ROLE_KEY is required), else an
 * embedded PGlite database in VOICE_ONBOARDING_DATA_DIR (default `.data/pglite`).
 */
export async function createStoreFromEnv(env: StoreEnv = process.env): Promise<ProfileStore> {
  const url = env.SUPABASE_URL?.trim();
  if (url) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new Error(
        `SUPABASE_URL must be an http(s) URL such as https://<project-ref>.supabase.co, got "${url}"`,
      );
    }
    const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY?.trim();
    if (!serviceRoleKey) {
      throw new Error(
        "SUPABASE_SERVICE_ROLE_KEY is required when SUPABASE_URL is set: copy the service-role key from the Supabase project's API settings, or unset SUPABASE_URL to use the embedded PGlite store",
      );
    }
    // Loaded only when used: supabase-js warns about Node 20 on import.
    const { createSupabaseStore } = await import("./supabase.js");
    return createSupabaseStore({ url, serviceRoleKey });
  }
  return createPgliteStore({ dataDir: env.VOICE_ONBOARDING_DATA_DIR?.trim() || DEFAULT_DATA_DIR });
}
