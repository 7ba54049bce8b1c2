/**
 * The widget's page (page.tsx) in Chromium: bundled in memory, served with a token endpoint that
 * creates the sessions, opened in a browser with a silent fake microphone, its record read back.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import type { JobProfile } from "@voice-onboarding/protocol";
import { build } from "esbuild";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../chromium.js";
import { snapshotMessage } from "../../packages/agent/src/service/index.js";
import { silence, toWav } from "../../packages/agent/test/harness/speech/audio.js";
import { serveFiles } from "../static-server.js";
import { sleep } from "./clock.js";
import type { LiveBench } from "./context.js";
import type { PageRecord } from "./page.js";
import { agentDispatcherFor, newSession, tokenFor } from "./sessions.js";

const root = new URL("../..", import.meta.url).pathname;

/** The page's files by path; unminified for a readable CPU profile. */
export async function bundlePage({ minify }: { minify: boolean }): Promise<Map<string, Uint8Array>> {
  const result = await build({
    entryPoints: { page: `${root}bench/live/page.tsx` },
    bundle: true,
    splitting: true,
    minify,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    outdir: "/bench-live",
    write: false,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "@voice-onboarding/widget": `${root}packages/widget/src/index.ts`,
      "@voice-onboarding/protocol": `${root}packages/protocol/src/index.ts`,
      // The widget's own copy: the page patches the Room class the widget uses.
      "livekit-client": `${root}packages/widget/node_modules/livekit-client`,
    },
  });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>live bench</title>
<link rel="stylesheet" href="/page.css"></head>
<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  const files = new Map<string, Uint8Array>([["/", new TextEncoder().encode(html)]]);
  for (const file of result.outputFiles) files.set(file.path.replace("/bench-live", ""), file.contents);
  return files;
}

/** The session the page's token endpoint issues tokens for; created on its first call. */
export interface TokenSession {
  profile: Promise<JobProfile> | null;
  fetches: number;
}

export interface PageServer {
  origin: string;
  /** Points the token endpoint at a new session (created on the page's first call) and returns it. */
  nextSession(): TokenSession;
}

/**
 * The page's files, and `POST /token`: a token for the current session (a new one per Start).
 * Closed on clean-up.
 */
export async function servePage(bench: LiveBench, files: Map<string, Uint8Array>): Promise<PageServer> {
  let tokenSession: TokenSession | null = null;
  const ensureAgent = agentDispatcherFor(bench);
  const server = await serveFiles(files, (path, request, response) => {
    if (path !== "/token" || request.method !== "POST") return false;
    const session = tokenSession;
    if (session === null) {
      response.writeHead(409).end();
      return true;
    }
    session.fetches += 1;
    // A later call (the widget asking again for a missing agent) gets a token for the same session.
    session.profile ??= newSession(bench);
    // As the session service's token route answers: the agent checked (or dispatched) beside the
    // token, then the token and the profile as it is now.
    session.profile
      .then(async (profile) => {
        const [credentials] = await Promise.all([tokenFor(bench, profile), ensureAgent(profile)]);
        return { ...credentials, snapshot: snapshotMessage(profile, new Date()) };
      })
      .then(({ serverUrl, participantToken, snapshot }) => {
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ serverUrl, participantToken, snapshot }));
      })
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
    return true;
  });
  bench.cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    nextSession: () => {
      tokenSession = { profile: null, fetches: 0 };
      return tokenSession;
    },
  };
}

/**
 * Chromium's compositing for A/B runs (BENCH_LIVE_GPU): `software` (the default, as the tests run it)
 * or `swiftshader`, GPU compositing and raster through ANGLE's SwiftShader, a GPU emulated on the CPU.
 */
export type PageCompositing = "software" | "swiftshader";

const SWIFTSHADER_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"];

/** Chromium with a fake microphone that hears nothing; it and its files go on clean-up. */
export async function launchBrowser(
  cleanups: LiveBench["cleanups"],
  compositing: PageCompositing = "software",
): Promise<Browser> {
  const dir = await mkdtemp(join(tmpdir(), "vo-live-bench-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const wav = join(dir, "silence.wav");
  // One second of silence, looped: a microphone with no tone for the VAD to hear.
  await writeFile(wav, toWav(silence(1000, 48_000)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [
      ...(compositing === "swiftshader"
        ? [...CHROMIUM_ARGS.filter((arg) => arg !== "--disable-gpu"), ...SWIFTSHADER_ARGS]
        : CHROMIUM_ARGS),
      "--allow-loopback-in-peer-connection",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${wav}`,
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  cleanups.push(() => browser.close());
  return browser;
}

/** `css`: a stylesheet added to the page once loaded, for A/B runs (BENCH_LIVE_PAGE_CSS). */
export async function openPage(browser: Browser, url: string, css?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page
    .waitForFunction(() => "liveBench" in window, undefined, { timeout: 15_000 })
    .catch(() => {
      throw new Error(`page did not load: ${errors.join("; ") || "no error reported"}`);
    });
  if (css) await page.addStyleTag({ content: css });
  return page;
}

export const pageRecord = (page: Page): Promise<PageRecord> => page.evaluate(() => window.liveBench.record());

export async function stopPage(page: Page): Promise<void> {
  await page.evaluate(() => window.liveBench.pressStop()).catch(() => {});
  await sleep(200);
  await page.close();
}
