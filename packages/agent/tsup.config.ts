import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "client/index": "src/client/index.ts",
    cli: "src/cli.ts",
    "worker/entry": "src/worker/entry.ts",
    // For webhook receivers: node:crypto only, none of the agent's dependencies.
    webhooks: "src/webhooks/signature.ts",
  },
  format: ["esm"],
  dts: {
    entry: {
      index: "src/index.ts",
      "client/index": "src/client/index.ts",
      webhooks: "src/webhooks/signature.ts",
    },
  },
  clean: true,
  sourcemap: true,
  target: "node20",
  // The published package carries its SQL migrations; the PGlite store finds them next to dist/.
  onSuccess: async () => {
    cpSync("../../supabase/migrations", "supabase/migrations", { recursive: true });
  },
});
