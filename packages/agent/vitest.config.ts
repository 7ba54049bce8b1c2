import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "agent",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite and PostgreSQL are heavy: keep files on few workers on a 2-core machine.
    maxWorkers: 2,
  },
});
