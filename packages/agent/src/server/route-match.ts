import { API_ROUTES, type OperationId, type RouteSpec } from "./api-routes.js";

export type RouteMatch =
  | { kind: "found"; operationId: OperationId; spec: RouteSpec; params: Record<string, string> }
  /** The path exists but not with this method; `auth` when any method of the path needs a key. */
  | { kind: "method_not_allowed"; allow: string[]; auth: boolean }
  | { kind: "not_found" };

interface CompiledRoute {
  operationId: OperationId;
  spec: RouteSpec;
  pattern: RegExp;
}

const compiled: CompiledRoute[] = Object.entries(API_ROUTES as Record<OperationId, RouteSpec>).map(
  ([operationId, spec]) => ({
    operationId: operationId as OperationId,
    spec,
    pattern: new RegExp(
      `^${spec.path.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_match, name: string) => `(?<${name}>[^/]+)`)}$`,
    ),
  }),
);

/** Finds the endpoint for a method and path; a path parameter its schema refuses is no endpoint (404). */
export function matchRoute(method: string, path: string): RouteMatch {
  const onPath = compiled.flatMap((route) => {
    const matched = route.pattern.exec(path);
    if (!matched) return [];
    const params = Object.fromEntries(
      Object.entries(matched.groups ?? {}).map(([name, value]) => [name, decodeParam(value)]),
    );
    const valid = Object.entries(route.spec.params ?? {}).every(
      ([name, schema]) => schema.safeParse(params[name]).success,
    );
    return valid ? [{ ...route, params }] : [];
  });
  const found = onPath.find((route) => route.spec.method === method);
  if (found) return { kind: "found", operationId: found.operationId, spec: found.spec, params: found.params };
  if (onPath.length === 0) return { kind: "not_found" };
  return {
    kind: "method_not_allowed",
    allow: onPath.map((route) => route.spec.method),
    auth: onPath.some((route) => route.spec.auth),
  };
}

/** A malformed escape (`%zz`) decodes to "", which no parameter schema accepts. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
