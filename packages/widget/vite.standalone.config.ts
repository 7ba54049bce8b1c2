import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/*
 * `dist/voice-onboarding.standalone.js`: the custom element for a plain `<script type="module">`,
 * with React, the widget and its dependencies inside. What a session needs later (livekit-client,
 * the cards, the decoder) stays in `dist/standalone/` chunks loaded by `import()`, beside it.
 */
export default defineConfig({
  logLevel: "warn",
  define: { "process.env.NODE_ENV": '"production"' },
  resolve: {
    alias: {
      "@voice-onboarding/protocol": fileURLToPath(new URL("../protocol/src/index.ts", import.meta.url)),
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    lib: {
      entry: { "voice-onboarding.standalone": "src/element.ts" },
      formats: ["es"],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      onLog: (level, log, handler) => {
        if (log.code !== "MODULE_LEVEL_DIRECTIVE") handler(level, log);
      },
      output: { chunkFileNames: "standalone/[name]-[hash].js" },
    },
  },
});
