import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

const BASELINES = fileURLToPath(new URL("./__screenshots__/", import.meta.url));
/** Mismatches are written here (gitignored) for a look. */
const RESULTS = fileURLToPath(new URL("../../../../test-results/storybook/", import.meta.url));

export type Comparison =
  | { status: "written" }
  | { status: "compared"; differentPixels: number; share: number; size: "same" | "changed" };

/**
 * Compares a screenshot with its committed baseline, writing the baseline when it is missing or
 * `UPDATE_SNAPSHOTS=1`. On a mismatch the actual image and a diff land in `test-results/storybook`.
 */
export async function compareWithBaseline(name: string, actual: Buffer): Promise<Comparison> {
  const baselinePath = join(BASELINES, `${name}.png`);
  if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(baselinePath)) {
    await mkdir(BASELINES, { recursive: true });
    await writeFile(baselinePath, actual);
    return { status: "written" };
  }
  const expected = PNG.sync.read(await readFile(baselinePath));
  const image = PNG.sync.read(actual);
  if (expected.width !== image.width || expected.height !== image.height) {
    await saveResult(name, actual);
    return { status: "compared", differentPixels: Number.POSITIVE_INFINITY, share: 1, size: "changed" };
  }
  const diff = new PNG({ width: image.width, height: image.height });
  const differentPixels = pixelmatch(expected.data, image.data, diff.data, image.width, image.height, {
    threshold: 0.1,
  });
  if (differentPixels > 0) await saveResult(name, actual, PNG.sync.write(diff));
  return {
    status: "compared",
    differentPixels,
    share: differentPixels / (image.width * image.height),
    size: "same",
  };
}

async function saveResult(name: string, actual: Buffer, diff?: Buffer) {
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, `${name}.actual.png`), actual);
  if (diff) await writeFile(join(RESULTS, `${name}.diff.png`), diff);
}
