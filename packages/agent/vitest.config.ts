import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.js";

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: "agent",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The real-LiveKit suites are their own project (vitest.live.config.ts).
    exclude: ["test/live/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
