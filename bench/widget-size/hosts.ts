/**
 * One host entry built by three bundlers a vendor may use, from the widget's built package (its
 * `dist`, resolved through the package's exports map as a host resolves it): Vite 8 (Rolldown),
 * Next.js 16 production build (webpack, pages router), esbuild. "First render" is what the page
 * loads before anything is `import()`ed; "total" adds every chunk loaded lazily. gzip -9, JS only.
 */
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { type Rollup, build as viteBuild } from "vite";

const root = new URL("../..", import.meta.url).pathname;
const exampleModules = `${root}examples/nextjs/node_modules/`;

export interface HostSizes {
  firstRender: number;
  total: number;
  chunks: number;
  lazy: number;
}

const gzip = (bytes: string | Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** A throwaway host app folder whose node_modules link the example app's (the widget among them). */
export function createHostDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "vo-widget-size-"));
  for (const name of [
    "next",
    "react",
    "react-dom",
    "livekit-client",
    "@livekit/components-react",
    "@voice-onboarding/widget",
  ]) {
    const link = join(dir, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(exampleModules, name), link);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Where the host's entry is written (by `code`), in `dir`. */
function writeEntry(dir: string, code: string): string {
  const path = join(dir, "entry.js");
  writeFileSync(path, code);
  return path;
}

export async function withEsbuild(dir: string, code: string, external: string[]): Promise<HostSizes> {
  const result = await build({
    entryPoints: [writeEntry(dir, code)],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: join(dir, "out-esbuild"),
    write: false,
    metafile: true,
    logLevel: "silent",
    external: external.flatMap((name) => [name, `${name}/*`]),
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const outputs = result.metafile.outputs;
  const bytes = new Map(result.outputFiles.map((file) => [file.path.slice(dir.length + 1), file.contents]));
  const js = Object.keys(outputs).filter((path) => path.endsWith(".js"));
  const entry = js.find((path) => outputs[path]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild: no entry chunk");
  const first = new Set<string>();
  const visit = (path: string) => {
    if (first.has(path)) return;
    first.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const size = (path: string) => gzip(bytes.get(path) ?? new Uint8Array());
  const sum = (paths: string[]) => paths.reduce((total, path) => total + size(path), 0);
  return { firstRender: sum([...first]), total: sum(js), chunks: js.length, lazy: js.length - first.size };
}

export async function withVite(dir: string, code: string, external: string[]): Promise<HostSizes> {
  const result = await viteBuild({
    configFile: false,
    logLevel: "silent",
    root: dir,
    define: { "process.env.NODE_ENV": '"production"' },
    build: {
      write: false,
      target: "es2022",
      modulePreload: false,
      rollupOptions: {
        input: writeEntry(dir, code),
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
  const sum = (list: typeof chunks) => list.reduce((total, chunk) => total + gzip(chunk.code), 0);
  return {
    firstRender: sum(chunks.filter((chunk) => first.has(chunk.fileName))),
    total: sum(chunks),
    chunks: chunks.length,
    lazy: chunks.length - first.size,
  };
}

/**
 * `next build --webpack` of two pages: `/widget` renders the host entry's `Widget`, `/blank` renders
 * nothing. First render = the files `/widget` loads that `/blank` does not (React and Next's own
 * runtime are the host's either way); lazy = the chunks no page lists (webpack's `import()` chunks).
 * `external` become webpack externals (globals), as the other bundlers keep them out.
 */
export function withNext(dir: string, code: string, external: string[]): HostSizes {
  mkdirSync(join(dir, "pages"), { recursive: true });
  writeFileSync(join(dir, "widget-entry.js"), code);
  writeFileSync(
    join(dir, "pages", "widget.jsx"),
    `import { Widget } from "../widget-entry.js";\nexport default function Page() { return <Widget />; }\n`,
  );
  writeFileSync(join(dir, "pages", "blank.jsx"), "export default function Page() { return null; }\n");
  writeFileSync(
    join(dir, "next.config.mjs"),
    `export default { webpack(config, { isServer }) {
  if (!isServer) config.externals = [...[].concat(config.externals ?? []), ${JSON.stringify(
    Object.fromEntries(external.map((name) => [name, `globalThis[${JSON.stringify(name)}]`])),
  )}];
  return config;
} };\n`,
  );
  const next = join(exampleModules, "next", "dist", "bin", "next");
  const run = spawnSync(process.execPath, [next, "build", "--webpack", dir], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (run.status !== 0) throw new Error(`next build failed: ${(run.stderr || run.stdout).slice(-2000)}`);
  const nextDir = join(dir, ".next");
  const manifest = JSON.parse(readFileSync(join(nextDir, "build-manifest.json"), "utf8")) as {
    pages: Record<string, string[]>;
    [key: string]: unknown;
  };
  const listed = new Set(JSON.stringify(manifest).match(/static\/[^"]+\.js/g) ?? []);
  const widgetFiles = (manifest.pages["/widget"] ?? []).filter((file) => file.endsWith(".js"));
  const blankFiles = new Set(manifest.pages["/blank"] ?? []);
  const size = (file: string) => gzip(readFileSync(join(nextDir, file)));
  const firstFiles = widgetFiles.filter((file) => !blankFiles.has(file));
  const chunkDir = join(nextDir, "static", "chunks");
  const lazyFiles = readdirSync(chunkDir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => `static/chunks/${name}`)
    .filter((file) => !listed.has(file));
  const firstRender = firstFiles.reduce((total, file) => total + size(file), 0);
  const lazy = lazyFiles.reduce((total, file) => total + size(file), 0);
  return {
    firstRender,
    total: firstRender + lazy,
    chunks: firstFiles.length + lazyFiles.length,
    lazy: lazyFiles.length,
  };
}
