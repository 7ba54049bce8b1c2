import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { serveFolder } from "../storybook/static-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    elementPagesUrl: string;
  }
}

const WIDGET = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = join(WIDGET, "../../");

/** Builds the standalone file into a folder beside the test pages and the recorded intake, and serves it. */
export default async function setup(project: TestProject) {
  const folder = await mkdtemp(join(tmpdir(), "vo-element-"));
  await promisify(execFile)(
    join(WIDGET, "node_modules/.bin/vite"),
    ["build", "-c", "vite.standalone.config.ts", "--outDir", folder, "--emptyOutDir"],
    // Vitest sets NODE_ENV=test, which would make Vite build React's development JSX.
    { cwd: WIDGET, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: "production" } },
  );
  await cp(join(WIDGET, "test/element/pages"), folder, { recursive: true });
  await cp(join(ROOT, "examples/recordings/full-intake.recording.json"), join(folder, "full-intake.json"));
  const server = await serveFolder(folder);
  project.provide("elementPagesUrl", server.url);
  return async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  };
}
