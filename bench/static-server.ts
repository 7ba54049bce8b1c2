/** A loopback HTTP server for a benchmark's bundled page (built in memory by esbuild). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

const CONTENT_TYPES: Record<string, string> = { js: "text/javascript", css: "text/css" };

/** Answers a request itself (true), or leaves it to the files (false). */
export type RouteHandler = (path: string, request: IncomingMessage, response: ServerResponse) => boolean;

/** Serves `files` by path (HTML unless .js/.css) on a free 127.0.0.1 port; `route` may answer first. */
export function serveFiles(files: ReadonlyMap<string, Uint8Array>, route?: RouteHandler): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (route?.(path, request, response)) return;
    const body = files.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = CONTENT_TYPES[path.split(".").pop() ?? ""] ?? "text/html";
    response.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
