import type { IncomingMessage } from "node:http";
import { formatIssue } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import type { Caller } from "./api-keys.js";
import { HttpError } from "./http-io.js";

export interface RequestContext {
  /** Who sent it; the tenant every read and write is scoped to. */
  caller: Caller;
  /** Named groups of the route's pattern (`sessionId`, `webhookId`, ...). */
  params: Record<string, string>;
  url: URL;
}

/** A status and a JSON body. */
export type Handler = (request: IncomingMessage, context: RequestContext) => Promise<[number, unknown]>;

export interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

export const SESSION_ID = "(?<sessionId>[A-Za-z0-9_-]{1,64})";

export function parse<Schema extends z.ZodMiniType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, "invalid_request", formatIssue(parsed.error.issues[0]).message);
}

/** The query string as a plain object (a repeated name keeps its last value). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}

export function notFound(what: string): HttpError {
  return new HttpError(404, "not_found", `${what} not found`);
}
