import { normalizeText } from "./score-fields.js";

/** Pairs `[truth index, captured index]`, each index at most once. */
export type Matches = [number, number][];

/** Matches captured items (traits, stages, nuances as text) to ground-truth items. */
export type ItemMatcher = (kind: ItemKind, truth: string[], captured: string[]) => Promise<Matches>;
export type ItemKind = "traits" | "interview stages" | "nuances";

const STOPWORDS = new Set(["a", "an", "and", "the", "of", "for", "with", "in", "to", "on", "or"]);

/** Content words, singular: "Distributed Systems" and "distributed system" are the same name. */
function words(text: string): Set<string> {
  return new Set(
    normalizeText(text)
      .split(" ")
      .filter((word) => word !== "" && !STOPWORDS.has(word))
      .map((word) =>
        word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word,
      ),
  );
}

function similarity(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : shared / union;
}

/**
 * The keyless matcher: normalised names whose content words overlap by at least half (Jaccard),
 * best pairs first. It finds renamed items only when the words survive ("Postgres tuning" is not
 * "Database Performance"); the judge does that with keys.
 */
export const matchByNames: ItemMatcher = async (_kind, truth, captured) => {
  const truthWords = truth.map(words);
  const capturedWords = captured.map(words);
  const candidates = truthWords
    .flatMap((t, i) => capturedWords.map((c, j) => ({ i, j, score: similarity(t, c) })))
    .filter(({ score }) => score >= 0.5)
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedTruth = new Set<number>();
  const usedCaptured = new Set<number>();
  const matches: Matches = [];
  for (const { i, j } of candidates) {
    if (usedTruth.has(i) || usedCaptured.has(j)) continue;
    usedTruth.add(i);
    usedCaptured.add(j);
    matches.push([i, j]);
  }
  return matches.sort((x, y) => x[0] - y[0]);
};
