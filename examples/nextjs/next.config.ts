import { resolve } from "node:path";
import type { NextConfig } from "next";

const workspaceRoot = resolve(import.meta.dirname, "../..");

const config: NextConfig = {
  // The workspace packages are TypeScript sources (see tsconfig paths).
  transpilePackages: [
    "@voice-onboarding/widget",
    "@voice-onboarding/protocol",
    "@voice-onboarding/agent",
    "@voice-onboarding/exports",
  ],
  outputFileTracingRoot: workspaceRoot,
  poweredByHeader: false,
  webpack(webpackConfig) {
    // The workspace sources import `./x.js` for `./x.ts` (TypeScript's ESM convention); Turbopack cannot map that yet.
    webpackConfig.resolve.extensionAlias = { ".js": [".ts", ".tsx", ".js"] };
    return webpackConfig;
  },
};

export default config;
