import type { ProfileStore } from "./profile-store.js";

/**
 * Calls one SQL function of supabase/migrations by name with named arguments (`p_…`) and
 * resolves with its jsonb result. Every adapter implements it the same way it calls the profile
 * functions (SQL on PGlite and node-postgres, `rpc` through PostgREST on Supabase), so the
 * stores built on it (tenants, webhooks) behave the same on all three.
 */
export interface FunctionCaller {
  /** `what` completes "cannot …" in error messages, e.g. `list the sessions of tenant "acme"`. */
  callFunction<T>(fn: string, args: Readonly<Record<string, unknown>>, what: string): Promise<T>;
}

/** A SQL function name is interpolated into a statement: only plain identifiers pass. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** `select public.fn(p_a => $1, …) as result` and its parameters (objects as JSON text). */
export function namedCall(fn: string, args: Readonly<Record<string, unknown>>): [string, unknown[]] {
  const names = Object.keys(args);
  for (const name of [fn, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a SQL identifier: "${name}"`);
  }
  const params = Object.values(args).map((value) =>
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object" && value !== null
        ? JSON.stringify(value)
        : value,
  );
  const list = names.map((name, index) => `${name} => $${index + 1}`).join(", ");
  return [`select public.${fn}(${list}) as result`, params];
}

/** A store the session service can use for everything: profiles, tenants, webhooks. */
export type DatabaseStore = ProfileStore & FunctionCaller;
