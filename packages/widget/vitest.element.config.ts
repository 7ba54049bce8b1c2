import { defineProject } from "vitest/config";

/**
 * `<voice-onboarding>` on plain HTML pages in Chromium: the standalone file built by Vite, served
 * as is, loaded by `<script type="module">` (no bundler on the page).
 */
export default defineProject({
  test: {
    name: "widget-browser-element",
    environment: "node",
    include: ["test/element/**/*.spec.ts"],
    globalSetup: ["./test/element/global-setup.ts"],
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
