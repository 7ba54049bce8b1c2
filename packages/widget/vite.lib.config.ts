import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/*
 * The package's JavaScript (tsup writes the .d.ts files and styles.css). Rolldown, not esbuild:
 * esbuild puts every module a barrel file re-exports into the chunk of whoever imports the barrel,
 * so the protocol's zod schemas (needed only by the decoder, loaded on Start) would sit in the
 * first chunk. Rolldown drops unused modules first and then splits, so each entry's static graph
 * holds only what that entry renders, and every host bundler keeps the `import()`ed parts lazy.
 */
const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** Bundled in, module by module; its types stay imports from `@voice-onboarding/protocol`. */
const BUNDLED = new Set(["@voice-onboarding/protocol"]);

const externalNames = [
  ...Object.keys(manifest.peerDependencies),
  ...Object.keys(manifest.dependencies),
].filter((name) => !BUNDLED.has(name));
const isExternal = (id: string) => externalNames.some((name) => id === name || id.startsWith(`${name}/`));

export const ENTRIES = {
  index: "src/index.ts",
  cards: "src/cards/index.ts",
  livekit: "src/livekit.ts",
  replay: "src/replay.ts",
  element: "src/element.ts",
  locales: "src/locales.ts",
};

/** The protocol from its sources, so its modules split one by one. */
export const PROTOCOL_SOURCES = {
  "@voice-onboarding/protocol": fileURLToPath(new URL("../protocol/src/index.ts", import.meta.url)),
};

/** Module directives ("use client") are dropped on bundling; the output states them again. */
export const dropDirectiveWarnings: NonNullable<import("vite").BuildOptions["rollupOptions"]>["onLog"] = (
  level,
  log,
  handler,
) => {
  if (log.code !== "MODULE_LEVEL_DIRECTIVE") handler(level, log);
};

export default defineConfig({
  logLevel: "warn",
  resolve: { alias: PROTOCOL_SOURCES },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    target: "es2022",
    minify: false,
    lib: {
      entry: ENTRIES,
      formats: ["es", "cjs"],
      fileName: (format, name) => `${name}.${format === "es" ? "js" : "cjs"}`,
    },
    rollupOptions: {
      external: isExternal,
      onLog: dropDirectiveWarnings,
      output: {
        // Every module of the widget runs in the browser. Entries keep their own directive; chunks
        // (whose modules' directives a bundler drops) state it again for React Server Components hosts.
        banner: (chunk) => (chunk.isEntry ? "" : '"use client";'),
      },
    },
  },
});
