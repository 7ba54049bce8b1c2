/**
 * The worker as it ships: the agent's `cli` and `worker/entry` bundled to JavaScript (what tsup
 * puts in dist/, every chunk beside cli.js so the CLI finds `./worker/entry.js`), run by plain
 * Node. The live stack runs the TypeScript sources through tsx instead, which makes every job
 * process transpile the agent while it warms up.
 */
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";

const root = new URL("../..", import.meta.url).pathname;

/** Bundles into `dir` (which gets a node_modules link to the agent's dependencies); resolves with cli.js. */
export async function bundleWorker(dir: string): Promise<string> {
  await symlink(join(root, "packages/agent/node_modules"), join(dir, "node_modules"), "dir");
  const outdir = join(dir, "dist");
  await build({
    entryPoints: {
      cli: join(root, "packages/agent/src/cli.ts"),
      "worker/entry": join(root, "packages/agent/src/worker/entry.ts"),
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    // Dependencies stay in node_modules, as in the published package; the workspace's protocol
    // package has no build here, so its sources are bundled in.
    packages: "external",
    alias: { "@voice-onboarding/protocol": join(root, "packages/protocol/src/index.ts") },
    logLevel: "warning",
  });
  return join(outdir, "cli.js");
}
