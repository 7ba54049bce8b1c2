import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const READS = [/reader\.\w+\(\s*"([A-Z0-9_]+)"/g, /env\.([A-Z0-9_]+)/g, /"(LIVEKIT_[A-Z_]+)"/g];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe(".env.example", () => {
  it("documents every variable the agent reads", () => {
    const read = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, "utf8");
      for (const pattern of READS) for (const match of text.matchAll(pattern)) read.add(match[1] as string);
    }
    const documented = new Set(
      readFileSync(new URL("../../.env.example", import.meta.url), "utf8")
        .split("\n")
        .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
        .filter((name) => name !== undefined),
    );
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });
});
