import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { serveFolder } from "./static-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    storybookUrl: string;
  }
}

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const STATIC = join(ROOT, "storybook-static");
/** What a Storybook build is made from: a build newer than all of these is reused. */
const SOURCES = [".storybook", "packages/widget/src", "packages/protocol/src", "examples/recordings"];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function isFresh(folder: string): Promise<boolean> {
  const built = await stat(join(folder, "index.json")).catch(() => null);
  if (!built) return false;
  const sources = await Promise.all(SOURCES.map((source) => newestChange(join(ROOT, source))));
  return built.mtimeMs > Math.max(...sources);
}

/** Builds Storybook once for the whole run (or reuses a fresh `storybook-static`) and serves it. */
export default async function setup(project: TestProject) {
  let folder = STATIC;
  let temporary: string | null = null;
  if (!(await isFresh(STATIC))) {
    temporary = await mkdtemp(join(tmpdir(), "vo-storybook-"));
    folder = temporary;
    await promisify(execFile)(
      join(ROOT, "node_modules/.bin/storybook"),
      ["build", "-c", ".storybook", "-o", folder, "--quiet"],
      { cwd: ROOT, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" }, maxBuffer: 64 * 1024 * 1024 },
    );
  }
  const server = await serveFolder(folder);
  project.provide("storybookUrl", server.url);
  return async () => {
    await server.close();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
}
