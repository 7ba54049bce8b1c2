import { defineConfig } from "vite";
import { dropDirectiveWarnings, PROTOCOL_SOURCES } from "./vite.lib.config.js";

/*
 * `dist/voice-onboarding.standalone.js`: the custom element for a plain `<script type="module">`,
 * with React, the widget and its dependencies inside. What a session needs later (livekit-client,
 * the cards, the decoder) stays in `dist/standalone/` chunks loaded by `import()`, beside it.
 */
export default defineConfig({
  logLevel: "warn",
  define: { "process.env.NODE_ENV": '"production"' },
  resolve: { alias: PROTOCOL_SOURCES },
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
      onLog: dropDirectiveWarnings,
      output: { chunkFileNames: "standalone/[name]-[hash].js" },
    },
  },
});
