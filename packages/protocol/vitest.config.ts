import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "protocol",
    include: ["test/**/*.test.ts"],
    // Property tests run thousands of cases: on a loaded 2-core machine they took 20-40 s once.
    // A timeout is a hang detector here, not a speed goal (those live in bench/).
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
