import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.js";

/**
 * The agent on a real livekit-server (test/live): each file starts its own stack (LiveKit,
 * PostgreSQL, the worker and its job processes). `pnpm check` runs this project on its own, one
 * file at a time, after the others: on 2 cores, a stack beside other suites starves its job processes.
 */
export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: "agent-live",
    include: ["test/live/**/*.live.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
