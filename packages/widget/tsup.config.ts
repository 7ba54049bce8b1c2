import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** Peers and dependencies stay imports (subpaths too, e.g. `zustand/vanilla`, `react/jsx-runtime`). */
const external = [...Object.keys(manifest.peerDependencies), ...Object.keys(manifest.dependencies)].map(
  (name) => new RegExp(`^${name.replace(/[/.]/g, "\\$&")}(/.*)?$`),
);

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    external,
    // esbuild's default tree-shaking keeps the entry's "use client" directive (TOOLCHAIN.md).
  },
  {
    // One stylesheet for hosts: `@voice-onboarding/widget/styles.css`, @imports bundled in.
    entry: { styles: "src/styles/index.css" },
    outDir: "dist",
    clean: false,
    minify: true,
  },
]);
