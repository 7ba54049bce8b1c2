/**
 * Protocol benchmark: what a browser pays per received message (decode + apply) and in bytes.
 * Run: pnpm --filter @voice-onboarding/protocol bench
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import {
  applyMessage,
  decodeMessage,
  encodeMessage,
  type JobProfile,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "../packages/protocol/src/index.js";
import { percentile, printTable } from "./table.js";

const protocolEntry = new URL("../packages/protocol/src/index.ts", import.meta.url).pathname;

function largeProfile(): JobProfile {
  const words = "Designs, builds and operates resilient services with clear ownership and care.";
  return {
    sessionId: "bench-session",
    recruiter: { firstName: "Maya", lastName: "Chen" },
    company: {
      name: "Acme",
      tagline: "Payments for the long tail",
      fundingStage: "series_a",
      investors: ["Seq", "Acc"],
    },
    requirements: {
      jobTitle: "Senior Backend Engineer",
      workplaceType: "hybrid",
      locationCity: "San Francisco",
    },
    traits: Array.from({ length: 20 }, (_, i) => ({
      id: `trait-${i}`,
      name: `Trait ${i}`,
      description: words,
      priority: i % 3 === 0 ? "nice_to_have" : "must_have",
      signals: ["Led a migration", "Owns on-call", "Writes design docs"],
    })),
    stages: Array.from({ length: 8 }, (_, i) => ({
      id: `stage-${i}`,
      name: `Stage ${i}`,
      description: words,
      order: i + 1,
      durationMinutes: 45,
      interviewerRole: "Engineer",
      actions: ["Send calendar invite"],
    })),
    nuances: Array.from({ length: 40 }, (_, i) => ({
      id: `nuance-${i}`,
      category: "culture_fit",
      insight: words,
      verbatimQuote: "We want someone scrappy.",
    })),
    confirmedFields: ["job_title"],
    status: "in_progress",
    version: 100,
  };
}

/** A realistic mix of change messages, each the next version of the profile. */
function changeStream(profile: JobProfile, count: number): string[] {
  const encoded: string[] = [];
  let current = profile;
  for (let i = 0; i < count; i++) {
    const base = {
      v: PROTOCOL_VERSION,
      sessionId: current.sessionId,
      seq: current.version + 1,
      at: new Date().toISOString(),
      source: "agent",
    } as const;
    const trait = current.traits[i % current.traits.length] as JobProfile["traits"][number];
    const choices: ProtocolMessage[] = [
      {
        ...base,
        type: "trait.updated",
        data: { trait: { ...trait, description: `Revision ${i}: ${trait.name}` } },
      },
      {
        ...base,
        type: "nuance.captured",
        data: { nuance: { id: `n-extra-${i}`, category: "urgency", insight: "Needs someone by March." } },
      },
      {
        ...base,
        type: "requirements.updated",
        data: { requirements: { ...current.requirements, onsiteDaysPerWeek: i % 5 } },
      },
      // Keeps the profile at its size: removes the nuance captured two messages earlier.
      { ...base, type: "nuance.deleted", data: { nuanceId: `n-extra-${i - 2}` } },
      {
        ...base,
        type: "stages.reordered",
        data: { stageIds: [...current.stages].reverse().map((s) => s.id) },
      },
    ];
    const message = choices[i % choices.length] as ProtocolMessage;
    const result = applyMessage(current, message);
    if (result.status !== "applied") throw new Error(`bench stream broke at ${i}: ${result.status}`);
    current = result.profile;
    encoded.push(encodeMessage(message));
  }
  return encoded;
}

function measureDecodeApply(): string[][] {
  const profile = largeProfile();
  const stream = changeStream(profile, 5_000);
  const snapshot = encodeMessage({
    v: PROTOCOL_VERSION,
    sessionId: profile.sessionId,
    seq: profile.version,
    at: new Date().toISOString(),
    source: "agent",
    type: "profile.snapshot",
    data: { profile },
  });
  const rows: string[][] = [];
  for (const [label, inputs] of [
    ["change messages", stream],
    ["snapshot (20/8/40)", Array(1_000).fill(snapshot)],
  ] as const) {
    const timings: number[] = [];
    let state: JobProfile | null = label === "change messages" ? profile : null;
    const started = performance.now();
    for (const raw of inputs) {
      const t0 = performance.now();
      const decoded = decodeMessage(raw);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const applied = applyMessage(label === "change messages" ? state : null, decoded.message);
      state = applied.profile;
      timings.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    rows.push([
      label,
      String(inputs.length),
      `${Math.round(inputs.length / seconds).toLocaleString("en-US")}/s`,
      `${percentile(timings, 50).toFixed(3)} ms`,
      `${percentile(timings, 99).toFixed(3)} ms`,
      "< 0.2 ms",
    ]);
  }
  return rows;
}

async function measureBrowserBytes(): Promise<string[][]> {
  const result = await build({
    stdin: {
      contents: `export { decodeMessage, applyMessage } from ${JSON.stringify(protocolEntry)};`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code, { level: 9 }).length;
  return [
    [
      "decodeMessage + applyMessage + zod/mini",
      `${(code.length / 1024).toFixed(1)} kB`,
      `${(gzip / 1024).toFixed(1)} kB`,
      "< 15 kB gzip",
    ],
  ];
}

// Warm up the JIT before measuring.
for (let i = 0; i < 3; i++) for (const raw of changeStream(largeProfile(), 200)) decodeMessage(raw);

printTable(
  "decode + apply per message (profile: 20 traits, 8 stages, 40 nuances)",
  ["input", "messages", "throughput", "p50", "p99", "goal"],
  measureDecodeApply(),
);
printTable("browser bytes", ["bundle", "minified", "gzip", "goal"], await measureBrowserBytes());
