import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two cores: two test files at a time (PGlite and PostgreSQL suites are heavy).
    maxWorkers: 2,
    projects: ["packages/*/vitest.config.ts", "packages/*/vitest.*.config.ts"],
  },
});
