/**
 * What `<VoiceOnboarding/>` adds to a host app's bundle, beside other voice SDKs' React packages.
 * The widget is measured from its built package (`packages/widget/dist`, built first by this
 * bench) as three host bundlers build it: Vite 8, Next.js 16 (webpack production build) and esbuild
 * (widget-size/hosts.ts). React and LiveKit are the host's (peers) and kept external, except in the
 * "+ LiveKit" rows, which count what livekit-client and @livekit/components-react add: they should
 * land in lazy chunks (loaded on Start), never in the first render. Other SDKs are bundled by
 * esbuild with their own peers external. "First render" is the entry chunk plus everything it
 * imports statically; "total" adds the chunks loaded lazily. gzip -9 of the JS; 1 kB = 1000 bytes.
 *
 *   pnpm --filter @voice-onboarding/widget bench     (runs this and widget-render.bench.ts)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { printTable } from "./table.js";
import { createHostDir, type HostSizes, withEsbuild, withNext, withVite } from "./widget-size/hosts.js";

const root = new URL("..", import.meta.url).pathname;

const FIRST_GOAL = 25_000;
const TOTAL_GOAL = 50_000;

/** Always external: React and LiveKit are the host's (the widget declares them as peers). */
const LIVEKIT = ["livekit-client", "@livekit/components-react"];
const REACT = ["react", "react-dom"];
const HOST_EXTERNAL = [...REACT, ...LIVEKIT];

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

async function bundle(subject: Subject): Promise<HostSizes> {
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
    external: [...HOST_EXTERNAL, ...subject.peers].flatMap((name) => [name, `${name}/*`]),
    define: { "process.env.NODE_ENV": '"production"' },
    // Stylesheets imported by a package's JS are not counted.
    loader: { ".css": "empty" },
    plugins: [entryPlugin(subject.code)],
  });
  const js = result.outputFiles.filter((file) => file.path.endsWith(".js"));
  const bytes = js.reduce((total, file) => total + gzipSync(file.contents, { level: 9 }).length, 0);
  return { firstRender: bytes, total: bytes, chunks: js.length, lazy: 0 };
}

/**
 * `dist/voice-onboarding.standalone.js` as a plain page loads it: the file and the chunks it imports
 * statically (before Start), and everything it reaches by `import()` too (after Start, LiveKit included).
 */
function standaloneSizes(): HostSizes {
  const dist = `${root}packages/widget/dist/`;
  const size = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
  /** The files `entry` reaches: by static imports only, or by dynamic `import()`s too. */
  const reached = (entry: string, dynamic: boolean) => {
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const code = readFileSync(`${dist}${file}`, "utf8");
      const folder = file.replace(/[^/]*$/, "");
      const imports = [
        ...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g),
        ...(dynamic ? code.matchAll(/\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g) : []),
      ];
      for (const [, imported] of imports) {
        if (imported) visit(`${folder}${imported.slice(2)}`);
      }
    };
    visit(entry);
    return files;
  };
  // Reached from the entry, not listed from the folder: a dist built several times keeps old chunks.
  const first = reached("voice-onboarding.standalone.js", false);
  const all = reached("voice-onboarding.standalone.js", true);
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + size(file), 0);
  return { firstRender: sum(first), total: sum(all), chunks: all.size, lazy: all.size - first.size };
}

async function stylesheet(): Promise<number> {
  const result = await build({
    entryPoints: [`${root}packages/widget/src/styles/index.css`],
    bundle: true,
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles.reduce((total, file) => total + gzipSync(file.contents, { level: 9 }).length, 0);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (name: string, sizes: HostSizes, note: string) => [
  name,
  kB(sizes.firstRender),
  kB(sizes.total),
  `${sizes.chunks} (${sizes.lazy} lazy)`,
  note,
];

// The host measures the package it would install: build it first.
const built = spawnSync("pnpm", ["--filter", "@voice-onboarding/widget", "build"], {
  cwd: root,
  encoding: "utf8",
});
if (built.status !== 0) throw new Error(`widget build failed:\n${built.stdout}\n${built.stderr}`);

const WIDGET_HOST = [
  `import { createElement } from "react";`,
  `import { VoiceOnboarding } from "@voice-onboarding/widget";`,
  `export function Widget() { return createElement(VoiceOnboarding, { tokenFetcher: () => fetch("/token").then((r) => r.json()) }); }`,
].join("\n");

const rows: string[][] = [];
const goals: string[] = [];
const met = (value: number, goal: number) =>
  `${kB(value)} ≤ ${kB(goal)}: ${value <= goal ? "met" : "NOT met"}`;
const host = createHostDir();
try {
  const widgetRuns: [string, () => Promise<HostSizes> | HostSizes, boolean][] = [
    ["Vite 8", () => withVite(host.dir, WIDGET_HOST, HOST_EXTERNAL), true],
    ["Next 16 webpack", () => withNext(host.dir, WIDGET_HOST, LIVEKIT), true],
    ["esbuild", () => withEsbuild(host.dir, WIDGET_HOST, HOST_EXTERNAL), true],
    ["Vite 8 + LiveKit", () => withVite(host.dir, WIDGET_HOST, REACT), false],
    ["esbuild + LiveKit", () => withEsbuild(host.dir, WIDGET_HOST, REACT), false],
  ];
  for (const [bundler, measure, checked] of widgetRuns) {
    const name = `@voice-onboarding/widget (dist) [${bundler}]`;
    try {
      const sizes = await measure();
      rows.push(
        row(
          name,
          sizes,
          checked ? "VoiceOnboarding" : "VoiceOnboarding; livekit-client, components-react bundled",
        ),
      );
      if (checked) {
        goals.push(`goal first render (${bundler}): ${met(sizes.firstRender, FIRST_GOAL)}`);
        goals.push(`goal total (${bundler}): ${met(sizes.total, TOTAL_GOAL)}`);
      }
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message.split("\n").slice(0, 3).join(" ") : String(cause);
      rows.push([name, "-", "-", "-", `not bundled: ${reason}`]);
      if (checked) goals.push(`goals (${bundler}): NOT measured`);
    }
  }
} finally {
  host.remove();
}
const STANDALONE_GOAL = 120_000;
const standalone = standaloneSizes();
rows.push(
  row(
    "voice-onboarding.standalone.js (dist)",
    standalone,
    "<script type=module>: React, widget, LiveKit (lazy)",
  ),
);
goals.push(`goal standalone before Start: ${met(standalone.firstRender, STANDALONE_GOAL)}`);
for (const subject of SUBJECTS) {
  try {
    rows.push(row(`${subject.name} [esbuild]`, await bundle(subject), subject.note));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    rows.push([`${subject.name} [esbuild]`, "-", "-", "-", `not bundled: ${reason}`]);
  }
}

printTable(
  'Host bundle cost, gzip -9 (react, react-dom, livekit-client, @livekit/components-react and peers external unless "+ LiveKit"; Next: React is in its baseline)',
  ["package", "first render", "total", "chunks", "what is imported"],
  rows,
);
console.log(`widget stylesheet (styles.css, minified): ${kB(await stylesheet())} gzip, not in the rows`);
for (const line of goals) console.log(line);
