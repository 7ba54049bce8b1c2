// Control characters, Unicode line/paragraph separators, zero-width and bidi-override characters.
const INVISIBLE = /[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
// Runs of brackets could imitate the fence markers below.
const BRACKET_RUNS = /\[{2,}|\]{2,}/g;

export const FENCE_END = "[[[END DATA]]]";
export const fenceStart = (label: string) => `[[[BEGIN DATA: ${label}]]]`;

/** One clean line of at most `max` characters: no line breaks, no fence markers, no invisible characters. */
export function cleanText(value: string, max: number): string {
  const flat = value
    .normalize("NFKC")
    .replace(INVISIBLE, " ")
    .replace(BRACKET_RUNS, (run) => run[0] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return truncate(flat, max);
}

/** Cuts at a word boundary when one is near, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** First `max` items, cleaned, joined; "and K more" when some were left out. */
export function cleanList(items: readonly string[] | undefined, max: number, itemLength: number): string {
  if (!items || items.length === 0) return "";
  const shown = items.slice(0, max).map((item) => cleanText(item, itemLength));
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/**
 * Wraps data lines in markers the system prompt declares as data, never instructions.
 * Every line must come from `cleanText`, so none can contain a marker or start a new line.
 */
export function fence(label: string, lines: readonly string[]): string {
  return [fenceStart(label), ...lines, FENCE_END].join("\n");
}
