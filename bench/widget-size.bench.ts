/**
 * What `<VoiceOnboarding/>` adds to a host app's bundle, beside other voice SDKs' React packages.
 * Each subject is bundled as a host would (esbuild, minified ESM for the browser, code splitting on)
 * with React, React DOM, LiveKit and each package's own peers external; the widget from its `src`.
 * The widget is bundled with Vite 8 (rolldown) too: esbuild puts every module that a barrel file
 * (the widget's index, framer-motion's) re-exports into a chunk the entry imports, even when only a
 * lazy chunk uses it, so its lazy chunks stay near empty; Vite and webpack split them as intended.
 * "First render" is the entry chunk plus everything it imports statically; "total" adds the chunks
 * loaded lazily (framer-motion's features for the widget). Sizes are gzip (level 9) of the JS;
 * 1 kB = 1000 bytes.
 *
 *   pnpm --filter @voice-onboarding/widget bench     (runs this and widget-render.bench.ts)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";
import { type Rollup, build as viteBuild } from "vite";
import { printTable } from "./table.js";

const root = new URL("..", import.meta.url).pathname;
const widgetSrc = `${root}packages/widget/src/`;

const FIRST_GOAL = 25_000;
const TOTAL_GOAL = 50_000;

/** Always external: React and LiveKit are the host's (the widget declares them as peers). */
const HOST_EXTERNAL = ["react", "react-dom", "livekit-client", "@livekit/components-react"];

interface Subject {
  name: string;
  /** What a host writes; bundled as the entry. */
  code: string;
  /** The package's own peers, kept external like React. */
  peers: string[];
  note: string;
}

const SUBJECTS: Subject[] = [
  {
    name: "@voice-onboarding/widget (src)",
    code: `export { VoiceOnboarding } from "@voice-onboarding/widget";`,
    peers: [],
    note: "VoiceOnboarding",
  },
  {
    name: `@elevenlabs/react ${version("@elevenlabs/react")}`,
    code: `export { ConversationProvider, useConversation } from "@elevenlabs/react";`,
    peers: [],
    note: "ConversationProvider+useConversation; no UI",
  },
  {
    name: `@pipecat-ai/client-react ${version("@pipecat-ai/client-react")} + client-js ${version("@pipecat-ai/client-js")}`,
    code: [
      `export { PipecatClientProvider, PipecatClientAudio, usePipecatClient } from "@pipecat-ai/client-react";`,
      `export { PipecatClient } from "@pipecat-ai/client-js";`,
    ].join("\n"),
    peers: [],
    note: "provider+audio+client; transport pkg extra; no UI",
  },
  {
    name: `@vapi-ai/client-sdk-react ${version("@vapi-ai/client-sdk-react")}`,
    code: `export { VapiWidget } from "@vapi-ai/client-sdk-react";`,
    peers: ["@vapi-ai/web"],
    note: "VapiWidget (UI); @vapi-ai/web peer external",
  },
];

function version(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")) as {
      version: string;
    };
    return manifest.version;
  } catch {
    return "(not installed)";
  }
}

/** Serves the host's entry file from memory, resolving imports from the repo root. */
function entryPlugin(code: string): Plugin {
  return {
    name: "bench-entry",
    setup(plugin) {
      plugin.onResolve({ filter: /^bench-entry$/ }, () => ({ path: "entry.js", namespace: "bench-entry" }));
      plugin.onLoad({ filter: /.*/, namespace: "bench-entry" }, () => ({
        contents: code,
        resolveDir: root,
        loader: "js",
      }));
    },
  };
}

interface Sizes {
  firstRender: number;
  total: number;
  chunks: number;
  lazy: number;
  /** Minified bytes (before gzip) per package or widget folder: [first render, lazy]. */
  sources: Map<string, [number, number]>;
}

/** `framer-motion`, `zod`, `widget/cards`, ... for an input path of the metafile (relative to the cwd). */
function sourceOf(path: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(path);
  if (dependency?.[1]) return dependency[1];
  const workspace = /packages\/([^/]+)\/src\/([^/.]+)/.exec(resolve(path));
  return workspace ? `${workspace[1]}/${workspace[2]}` : path;
}

function measure(metafile: Metafile, contents: Map<string, Uint8Array>): Sizes {
  const outputs = metafile.outputs;
  const js = Object.keys(outputs).filter((path) => path.endsWith(".js"));
  const entry = js.find((path) => outputs[path]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error("no entry chunk in the metafile");
  const first = new Set<string>();
  const visit = (path: string) => {
    if (first.has(path)) return;
    first.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const gzip = (path: string) => {
    const bytes = contents.get(path);
    if (bytes === undefined) throw new Error(`no output ${path}`);
    return gzipSync(bytes, { level: 9 }).length;
  };
  const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + gzip(path), 0);
  const sources = new Map<string, [number, number]>();
  for (const path of js) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path]?.inputs ?? {})) {
      const bytes = sources.get(sourceOf(input)) ?? [0, 0];
      bytes[first.has(path) ? 0 : 1] += bytesInOutput;
      sources.set(sourceOf(input), bytes);
    }
  }
  return {
    firstRender: sum(first),
    total: sum(js),
    chunks: js.length,
    lazy: js.length - first.size,
    sources,
  };
}

async function bundle(subject: Subject): Promise<Sizes> {
  const external = [...HOST_EXTERNAL, ...subject.peers].flatMap((name) => [name, `${name}/*`]);
  const result = await build({
    entryPoints: ["bench-entry"],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: "/bench-widget-size-out",
    write: false,
    metafile: true,
    logLevel: "silent",
    external,
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "@voice-onboarding/widget": `${widgetSrc}index.ts`,
      "@voice-onboarding/protocol": `${root}packages/protocol/src/index.ts`,
    },
    // Stylesheets imported by a package's JS (none for the widget: hosts link styles.css) are not counted.
    loader: { ".css": "empty" },
    plugins: [entryPlugin(subject.code)],
  });
  const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const relative = new Map(
    [...contents].map(([path, bytes]) => [path.replace(/^\/bench-widget-size-out\//, ""), bytes]),
  );
  // Metafile output paths are relative to the working directory.
  const prefix = Object.keys(result.metafile.outputs)[0]?.replace(/[^/]*$/, "") ?? "";
  const byMetaPath = new Map([...relative].map(([name, bytes]) => [`${prefix}${name}`, bytes]));
  return measure(result.metafile, byMetaPath);
}

/** The same host entry built by Vite as an app would: entry chunk, its static imports, lazy chunks. */
async function bundleWithVite(subject: Subject): Promise<Sizes> {
  const external = [...HOST_EXTERNAL, ...subject.peers];
  const result = await viteBuild({
    configFile: false,
    logLevel: "silent",
    root,
    define: { "process.env.NODE_ENV": '"production"' },
    resolve: {
      alias: {
        "@voice-onboarding/widget": `${widgetSrc}index.ts`,
        "@voice-onboarding/protocol": `${root}packages/protocol/src/index.ts`,
      },
    },
    plugins: [
      {
        name: "bench-entry",
        resolveId: (id) => (id === "bench-entry" ? "\0bench-entry.js" : null),
        load: (id) => (id === "\0bench-entry.js" ? subject.code : null),
      },
    ],
    build: {
      write: false,
      target: "es2022",
      modulePreload: false,
      rollupOptions: {
        input: "bench-entry",
        preserveEntrySignatures: "exports-only",
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((item) => item.type === "chunk");
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const first = new Set<string>();
  const visit = (name: string) => {
    if (first.has(name) || !byName.has(name)) return;
    first.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
  const sum = (list: typeof chunks) => list.reduce((total, chunk) => total + gzip(chunk.code), 0);
  const sources = new Map<string, [number, number]>();
  for (const chunk of chunks) {
    for (const [id, { renderedLength }] of Object.entries(chunk.modules)) {
      const bytes = sources.get(sourceOf(id)) ?? [0, 0];
      bytes[first.has(chunk.fileName) ? 0 : 1] += renderedLength;
      sources.set(sourceOf(id), bytes);
    }
  }
  return {
    firstRender: sum(chunks.filter((chunk) => first.has(chunk.fileName))),
    total: sum(chunks),
    chunks: chunks.length,
    lazy: chunks.length - first.size,
    sources,
  };
}

async function stylesheet(): Promise<number> {
  const result = await build({
    entryPoints: [`${widgetSrc}styles/index.css`],
    bundle: true,
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles.reduce((total, file) => total + gzipSync(file.contents, { level: 9 }).length, 0);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const rows: string[][] = [];
let ours: Sizes | null = null;
const widget = SUBJECTS[0];
const runs: { subject: Subject; bundler: "esbuild" | "Vite 8"; sizes: () => Promise<Sizes> }[] = [
  ...(widget ? [{ subject: widget, bundler: "Vite 8" as const, sizes: () => bundleWithVite(widget) }] : []),
  ...SUBJECTS.map((subject) => ({ subject, bundler: "esbuild" as const, sizes: () => bundle(subject) })),
];
for (const { subject, bundler, sizes: measureSizes } of runs) {
  try {
    const sizes = await measureSizes();
    if (ours === null) ours = sizes;
    rows.push([
      `${subject.name} [${bundler}]`,
      kB(sizes.firstRender),
      kB(sizes.total),
      `${sizes.chunks} (${sizes.lazy} lazy)`,
      subject.note,
    ]);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    rows.push([`${subject.name} [${bundler}]`, "-", "-", "-", `not bundled: ${reason}`]);
  }
}

printTable(
  "Host bundle cost, gzip -9 (react, react-dom, livekit-client, @livekit/components-react and peers external)",
  ["package", "first render", "total", "chunks", "what is imported"],
  rows,
);
console.log(
  `widget stylesheet (src/styles/index.css, minified): ${kB(await stylesheet())} gzip, not in the rows`,
);
if (ours !== null) {
  const top = [...ours.sources].sort((a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1])).slice(0, 8);
  printTable(
    "Widget with Vite: where the bytes come from (rendered module bytes, before minify and gzip)",
    ["source", "first render", "lazy"],
    top.map(([source, [first, lazy]]) => [source, kB(first), kB(lazy)]),
  );
  const met = (value: number, goal: number) =>
    `${kB(value)} ≤ ${kB(goal)}: ${value <= goal ? "met" : "NOT met"}`;
  // Goals are checked on the Vite build: what a host's bundler ships, not esbuild's barrel artefact.
  console.log(`goal first render (Vite): ${met(ours.firstRender, FIRST_GOAL)}`);
  console.log(`goal total (Vite):        ${met(ours.total, TOTAL_GOAL)}`);
}
