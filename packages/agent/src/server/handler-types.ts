import type { IncomingMessage } from "node:http";
import type * as z from "zod/mini";
import type { Caller } from "./api-keys.js";
import type { ApiRoutes, OperationId, RouteSpec } from "./api-routes.js";

/** What a handler gets: the request, its caller (routes with auth), and its parameters, query and body validated. */
export interface HandlerInput<Route extends RouteSpec> {
  request: IncomingMessage;
  /** The tenant every read and write is scoped to. */
  caller: Route["auth"] extends true ? Caller : undefined;
  params: Record<keyof Route["params"], string>;
  query: Route["query"] extends z.ZodMiniType ? z.output<Route["query"]> : undefined;
  body: Route["body"] extends z.ZodMiniType ? z.output<Route["body"]> : undefined;
}

/** `[status, JSON body]`, or `[status, text, media type]` for other media types. */
export type Reply = [number, unknown] | [number, string, string];

export type Handler<Id extends OperationId> = (input: HandlerInput<ApiRoutes[Id]>) => Promise<Reply>;
export type Handlers = { [Id in OperationId]: Handler<Id> };
