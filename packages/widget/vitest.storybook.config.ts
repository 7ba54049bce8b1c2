import { defineProject } from "vitest/config";

/** Tests of the built Storybook: every story in Chromium (errors, axe) and screenshot baselines. */
export default defineProject({
  test: {
    name: "storybook",
    environment: "node",
    include: ["test/storybook/**/*.spec.ts"],
    globalSetup: ["./test/storybook/global-setup.ts"],
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
