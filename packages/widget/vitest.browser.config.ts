import { playwright } from "@vitest/browser-playwright";
import { defineProject } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../chromium.js";
import { workspaceAliases } from "../../vitest.shared.js";

const chromiumArgs = [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream"];

const chromium = (args: string[]) =>
  playwright({ launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...chromiumArgs, ...args] } });

const DENIED_TESTS = "test/**/*.mic-denied.browser.test.tsx";

/**
 * Real Chromium (Debian's) with a fake microphone. `--use-fake-ui-for-media-stream` grants every
 * request, even one the site settings deny, so the denied flow runs in a second Chromium that
 * answers permission prompts with "deny" instead.
 */
export default defineProject({
  resolve: { alias: workspaceAliases },
  // Pre-bundled up front: a dependency found mid-run (framer-motion's lazily loaded features)
  // would otherwise be optimized again and load a second copy of React.
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "framer-motion",
      "zustand",
      "zustand/vanilla",
      "zustand/react/shallow",
      "livekit-client",
      "@livekit/components-react",
      "@testing-library/react",
      "axe-core",
    ],
  },
  test: {
    name: "widget-browser",
    include: ["test/**/*.browser.test.tsx"],
    setupFiles: ["./test/setup.ts"],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: [
        {
          browser: "chromium",
          provider: chromium(["--use-fake-ui-for-media-stream"]),
          exclude: [DENIED_TESTS],
        },
        {
          browser: "chromium",
          name: "widget-browser (chromium, microphone denied)",
          provider: chromium(["--deny-permission-prompts"]),
          include: [DENIED_TESTS],
        },
      ],
    },
  },
});
