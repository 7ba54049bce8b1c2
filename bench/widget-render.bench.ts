/**
 * Render speed of `<VoiceOnboarding/>` in Chromium: from an agent message arriving (the transport's
 * sink, i.e. `store.getState().receive(message)`) to the frame painted, and which cards React
 * re-renders per message. The page (bench/widget-render/) is bundled with React's profiling build,
 * served on 127.0.0.1 and opened in Debian's /usr/bin/chromium (headless, software rendering).
 * Each message is delivered at the start of a frame; "painted" ends when a task queued from that
 * frame runs, i.e. after its style, layout and paint. Goal: p95 under one frame (16 ms).
 *
 *   pnpm --filter @voice-onboarding/widget bench     (runs this and widget-size.bench.ts)
 *
 * BENCH_MESSAGES (timed messages per profile, default 300), BENCH_GAP_MS (pause after each, default 30),
 * CHROMIUM_PATH (browser, default /usr/bin/chromium).
 */
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../chromium.js";
import { serveFiles } from "./static-server.js";
import { percentile, printTable } from "./table.js";
import type { BenchApi, CountResult, MessageSample } from "./widget-render/main.js";
import type { ProfileSize } from "./widget-render/messages.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 30);
const WARMUP = 20;
const GOAL_MS = 16;
const root = new URL("..", import.meta.url).pathname;

const PROFILES: { name: string; size: ProfileSize }[] = [
  { name: "20 traits, 8 stages, 40 nuances", size: { traits: 20, stages: 8, nuances: 40 } },
  { name: "200 traits, 8 stages, 40 nuances", size: { traits: 200, stages: 8, nuances: 40 } },
];

/** In count mode, a stand-in for React DevTools' hook: React reports every commit to it. */
const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>widget render bench</title>
<link rel="stylesheet" href="/main.css"></head>
<body><div id="root"></div>
<script>
if (location.search.includes("count")) {
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE() {},
    onCommitFiberRoot: (_id, root) => window.__benchCommit?.(root),
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {},
  };
}
</script>
<script type="module" src="/main.js"></script></body></html>`;

async function bundlePage(): Promise<Map<string, Uint8Array>> {
  const result = await build({
    entryPoints: { main: `${root}bench/widget-render/main.tsx` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    outdir: "/bench-widget-render",
    write: false,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "@voice-onboarding/widget": `${root}packages/widget/src/index.ts`,
      "@voice-onboarding/protocol": `${root}packages/protocol/src/index.ts`,
      // The production build with Profiler timings.
      "react-dom/client": "react-dom/profiling",
    },
  });
  const files = new Map<string, Uint8Array>([["/", new TextEncoder().encode(HTML)]]);
  for (const file of result.outputFiles)
    files.set(file.path.replace("/bench-widget-render", ""), file.contents);
  return files;
}

async function open(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page
    .waitForFunction(() => "bench" in window, undefined, { timeout: 10_000 })
    .catch(() => {
      throw new Error(`page did not load: ${errors.join("; ") || "no error reported"}`);
    });
}

const ms = (value: number) => value.toFixed(1);

const files = await bundlePage();
const server = await serveFiles(files);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });

const timedRows: string[][] = [];
const typeRows: string[][] = [];
const counts: { name: string; result: CountResult }[] = [];
try {
  for (const { name, size } of PROFILES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, origin);
    const idle = await page.evaluate(
      ([size, count]) => (window as unknown as { bench: BenchApi }).bench.idle(size, count),
      [size, 60] as const,
    );
    await open(page, origin);
    const samples: MessageSample[] = await page.evaluate(
      ([size, count, warmup, gap]) =>
        (window as unknown as { bench: BenchApi }).bench.timed(size, count, warmup, gap),
      [size, MESSAGES, WARMUP, GAP_MS] as const,
    );
    await page.close();
    const painted = samples.map((sample) => sample.paintedMs);
    const p95 = percentile(painted, 95);
    const changed = samples.filter((sample) => sample.cardChanged).length;
    timedRows.push([
      name,
      String(samples.length),
      ms(percentile(painted, 50)),
      ms(p95),
      ms(Math.max(...painted)),
      ms(
        percentile(
          samples.map((sample) => sample.committedMs),
          50,
        ),
      ),
      ms(
        percentile(
          samples.map((sample) => sample.committedMs),
          95,
        ),
      ),
      ms(
        percentile(
          samples.map((sample) => sample.reactMs),
          50,
        ),
      ),
      ms(
        percentile(
          samples.map((sample) => sample.reactMs),
          95,
        ),
      ),
      `${ms(percentile(idle, 50))} / ${ms(percentile(idle, 95))}`,
      `${changed}/${samples.length}`,
      p95 < GOAL_MS ? "met" : "NOT met",
    ]);
    const types = [...new Set(samples.map((sample) => sample.type))].sort();
    for (const type of types) {
      const ofType = samples.filter((sample) => sample.type === type);
      typeRows.push([
        `${size.traits} traits`,
        type,
        String(ofType.length),
        ms(
          percentile(
            ofType.map((sample) => sample.paintedMs),
            50,
          ),
        ),
        ms(
          percentile(
            ofType.map((sample) => sample.paintedMs),
            95,
          ),
        ),
        ms(
          percentile(
            ofType.map((sample) => sample.reactMs),
            50,
          ),
        ),
      ]);
    }

    const countPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(countPage, `${origin}?count`);
    const result: CountResult = await countPage.evaluate(
      ([size, count, warmup, gap]) =>
        (window as unknown as { bench: BenchApi }).bench.counted(size, count, warmup, gap),
      [size, Math.min(MESSAGES, 100), WARMUP, GAP_MS] as const,
    );
    await countPage.close();
    counts.push({ name, result });
  }
} finally {
  await browser.close();
  server.close();
}

printTable(
  `Message received → frame painted, ms (Chromium headless, software raster; ${MESSAGES} mixed messages after ${WARMUP} warm-up, ${GAP_MS} ms apart)`,
  [
    "profile",
    "n",
    "p50",
    "p95",
    "max",
    "DOM p50",
    "DOM p95",
    "React p50",
    "React p95",
    "idle frame p50/p95",
    "card changed",
    `p95 < ${GOAL_MS} ms`,
  ],
  timedRows,
);
printTable("By message type", ["profile", "type", "n", "p50", "p95", "React p50"], typeRows);

const components = [
  "ProfileCards",
  "completion",
  "company",
  "requirements",
  "traits",
  "stages",
  "nuances",
  "RequirementRow",
  "TraitItem",
  "StageItem",
  "NuanceItem",
];
const header = ["component"];
for (const { result } of counts) {
  header.push(`about it (${result.messages} msgs)`, "renders", "DOM changed");
}
printTable(
  "React renders per component (DevTools-style commit hook), messages about each card and DOM changes",
  header,
  components.map((component) => {
    const isCard = component === component.toLowerCase();
    return [
      component,
      ...counts.flatMap(({ result }) => [
        isCard ? String(result.expected[component] ?? 0) : "",
        String(result.renders[component] ?? 0),
        isCard ? String(result.domChanged[component] ?? 0) : "",
      ]),
    ];
  }),
);
console.log(`count columns, left to right: ${counts.map(({ name }) => name).join(" | ")}`);
