import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig, type UserConfig } from "vite";
import { workspaceAliases } from "../vitest.shared.js";

const viteOverrides: UserConfig = {
  // The protocol resolves to its sources, like in tests: no package build needed first.
  resolve: { alias: workspaceAliases },
  build: {
    // Storybook's own bundles are large; the widget's size is tracked by `pnpm bench`.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // framer-motion's "use client" lines mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
};

const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../packages/widget/src/**/*.stories.tsx"],
  addons: ["@storybook/addon-docs"],
  // Builds and runs offline: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Follows the cards' props through `extends CardCommonProps`, which react-docgen cannot.
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      tsconfigPath: fileURLToPath(new URL("../packages/widget/tsconfig.json", import.meta.url)),
      include: ["packages/widget/src/**/*.tsx"],
      shouldExtractLiteralValuesFromEnum: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, viteOverrides),
};

export default config;
