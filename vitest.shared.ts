import { fileURLToPath } from "node:url";

/** Workspace packages resolve to their sources in tests, so no build is needed first. */
export const workspaceAliases = {
  "@voice-onboarding/exports": fileURLToPath(new URL("./packages/exports/src/index.ts", import.meta.url)),
  "@voice-onboarding/protocol": fileURLToPath(new URL("./packages/protocol/src/index.ts", import.meta.url)),
  "@voice-onboarding/widget": fileURLToPath(new URL("./packages/widget/src/index.ts", import.meta.url)),
};
