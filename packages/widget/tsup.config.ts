import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { ENTRIES } from "./vite.lib.config.js";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** Peers and dependencies stay imports in the types (protocol types from `@voice-onboarding/protocol`). */
const external = [...Object.keys(manifest.peerDependencies), ...Object.keys(manifest.dependencies)].map(
  (name) => new RegExp(`^${name.replace(/[/.]/g, "\\$&")}(/.*)?$`),
);

export default defineConfig([
  {
    // Types only: the JavaScript is vite.lib.config.ts's (it says why).
    entry: ENTRIES,
    format: ["esm", "cjs"],
    dts: { only: true },
    // The build script empties dist first: tsup's clean leaves Vite's hashed chunks of earlier builds.
    clean: false,
    external,
  },
  {
    // One stylesheet for hosts: `@voice-onboarding/widget/styles.css`, @imports bundled in.
    entry: { styles: "src/styles/index.css" },
    outDir: "dist",
    clean: false,
    minify: true,
  },
]);
