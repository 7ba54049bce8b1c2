import type { PayInterval, Requirements } from "@voice-onboarding/protocol";

/** Precision and recall of one kind of fact; `misses` says what was wrong, for the report. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

export function tally(tp: number, fp: number, fn: number, misses: string[] = []): Tally {
  return {
    tp,
    fp,
    fn,
    // Nothing claimed is nothing wrong; nothing to find is nothing missed.
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  };
}

export const f1 = ({ precision, recall }: Tally) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

type Value = string | number | boolean;

interface Field {
  name: string;
  get(r: Requirements): Value | undefined;
  same(stored: Value, truth: Value, storedReq: Requirements, truthReq: Requirements): boolean;
}

/** Lowercase words without accents or punctuation, with the common title abbreviations spelled out. */
export function normalizeText(text: string): string {
  const spelled: Record<string, string> = { sr: "senior", jr: "junior", mgr: "manager", eng: "engineer" };
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => spelled[word] ?? word)
    .join(" ");
}

const HOURS_PER_YEAR = 2080;
const PER_YEAR: Record<PayInterval, number> = { year: 1, month: 12, hour: HOURS_PER_YEAR };

/** A pay figure per year, so 75/hour and 156,000/year compare equal; other currencies never do. */
function samePay(stored: number, truth: number, storedReq: Requirements, truthReq: Requirements): boolean {
  const a = storedReq.compensation;
  const b = truthReq.compensation;
  if (a === undefined || b === undefined || a.currency !== b.currency) return false;
  const yearly = (amount: number, interval: PayInterval) => amount * PER_YEAR[interval];
  const x = yearly(stored, a.interval);
  const y = yearly(truth, b.interval);
  return Math.abs(x - y) <= 0.005 * Math.max(x, y);
}

const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

const exact = (a: Value, b: Value) => a === b;
const text = (a: Value, b: Value) => normalizeText(String(a)) === normalizeText(String(b));
/** "San Francisco, CA" is San Francisco: every word of the truth is in the stored value. */
const place = (a: Value, b: Value) => {
  const stored = new Set(normalizeText(String(a)).split(" "));
  return normalizeText(String(b))
    .split(" ")
    .every((word) => stored.has(word));
};

const FIELDS: readonly Field[] = [
  { name: "jobTitle", get: (r) => r.jobTitle, same: text },
  { name: "workplaceType", get: (r) => r.workplaceType, same: exact },
  { name: "locationCity", get: (r) => r.locationCity, same: place },
  { name: "onsiteDaysPerWeek", get: (r) => r.onsiteDaysPerWeek, same: exact },
  { name: "visaSponsorship", get: (r) => r.visaSponsorship, same: exact },
  { name: "experienceMinYears", get: (r) => r.experienceMinYears, same: exact },
  { name: "experienceMaxYears", get: (r) => r.experienceMaxYears, same: exact },
  {
    name: "salaryMin",
    get: (r) => r.compensation?.min,
    same: (a, b, x, y) => samePay(Number(a), Number(b), x, y),
  },
  {
    name: "salaryMax",
    get: (r) => r.compensation?.max,
    same: (a, b, x, y) => samePay(Number(a), Number(b), x, y),
  },
  { name: "currency", get: (r) => r.compensation?.currency, same: text },
  { name: "payInterval", get: (r) => r.compensation?.interval, same: exact },
  { name: "equityOffered", get: (r) => r.equityOffered, same: exact },
  {
    name: "equityRange",
    get: (r) => r.equityRange,
    same: (a, b) => numbersIn(String(a)).join() === numbersIn(String(b)).join(),
  },
];

/**
 * Structured fields against the ground truth, after normalisation: money per year in the same
 * currency, text without case or punctuation, equity ranges by their numbers. A wrong value is
 * both a false positive and a false negative; a value the truth does not have is a false positive.
 */
export function scoreFields(stored: Requirements, truth: Requirements): Tally & { accuracy: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const field of FIELDS) {
    const got = field.get(stored);
    const want = field.get(truth);
    if (want === undefined) {
      if (got !== undefined) {
        fp++;
        misses.push(`${field.name}: ${JSON.stringify(got)} (not in the truth)`);
      }
    } else if (got === undefined) {
      fn++;
      misses.push(`${field.name}: missing (truth ${JSON.stringify(want)})`);
    } else if (field.same(got, want, stored, truth)) {
      tp++;
    } else {
      fp++;
      fn++;
      misses.push(`${field.name}: ${JSON.stringify(got)} (truth ${JSON.stringify(want)})`);
    }
  }
  const truthFields = FIELDS.filter((field) => field.get(truth) !== undefined).length;
  return { ...tally(tp, fp, fn, misses), accuracy: truthFields === 0 ? 1 : tp / truthFields };
}
