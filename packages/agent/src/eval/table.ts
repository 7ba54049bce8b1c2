import type { EvalReport, Summary } from "./report.js";

const pct = (value: number) => `${Math.round(value * 100)}%`;
const pr = (precision: number, recall: number) => `${precision.toFixed(2)}/${recall.toFixed(2)}`;
const num = (value: number | null) =>
  value === null ? "-" : Number.isInteger(value) ? `${value}` : value.toFixed(1);

function render(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join(
    "\n",
  );
}

const HEADER = [
  "persona",
  "score",
  "fields",
  "fields P/R",
  "traits P/R",
  "stages P/R",
  "nuances P/R",
  "turns",
  "to done",
  "done",
  "as expected",
  "tool err",
  "repeats",
  "stale calls",
  "hidden traits",
  "invariant",
];

function row(name: string, s: Summary): string[] {
  return [
    name,
    pct(s.overall),
    pct(s.fieldAccuracy),
    pr(s.fieldPrecision, s.fieldRecall),
    pr(s.traitPrecision, s.traitRecall),
    pr(s.stagePrecision, s.stageRecall),
    pr(s.nuancePrecision, s.nuanceRecall),
    num(s.turns),
    num(s.turnsToCompletion),
    pct(s.completionRate),
    pct(s.completionAsExpected),
    num(s.toolErrors),
    num(s.repeatedQuestions),
    num(s.staleModelCalls),
    num(s.hiddenTraitCalls),
    pct(s.invariantHeld),
  ];
}

/** The report as a table: one row per persona (means over its runs), then the overall row. */
export function formatReport(report: EvalReport): string {
  const rows = [HEADER, ...report.personas.map((p) => row(p.id, p.summary)), row("overall", report.overall)];
  const how = `items matched by ${report.methods.items}, repeated questions by ${report.methods.repeatedQuestions}`;
  return `${report.mode} run of ${report.model}, ${report.runsPerPersona} run(s) per persona; ${how}\n\n${render(rows)}\n`;
}

const COMPARED: readonly [string, keyof Summary, "higher" | "lower"][] = [
  ["score", "overall", "higher"],
  ["fields", "fieldAccuracy", "higher"],
  ["traits R", "traitRecall", "higher"],
  ["nuances R", "nuanceRecall", "higher"],
  ["done as expected", "completionAsExpected", "higher"],
  ["tool err", "toolErrors", "lower"],
  ["repeats", "repeatedQuestions", "lower"],
  ["stale calls", "staleModelCalls", "lower"],
  ["hidden traits", "hiddenTraitCalls", "lower"],
];

function delta(a: Summary, b: Summary, key: keyof Summary, better: "higher" | "lower"): string {
  const x = a[key];
  const y = b[key];
  if (x === null || y === null) return `${num(x)} -> ${num(y)}`;
  const counts: (keyof Summary)[] = [
    "toolErrors",
    "repeatedQuestions",
    "staleModelCalls",
    "hiddenTraitCalls",
  ];
  const rateLike = !counts.includes(key);
  const show = (value: number) => (rateLike ? pct(value) : num(value));
  const change = y - x;
  if (Math.abs(change) < 1e-9) return `${show(x)} =`;
  const sign = change > 0 ? "+" : "-";
  const verdict = change > 0 === (better === "higher") ? "better" : "worse";
  return `${show(x)} -> ${show(y)} (${sign}${show(Math.abs(change))} ${verdict})`;
}

/** Report b against report a, per persona they share and overall. */
export function formatComparison(a: EvalReport, b: EvalReport): string {
  const header = ["persona", ...COMPARED.map(([label]) => label)];
  const shared = a.personas.flatMap((p) => {
    const other = b.personas.find((q) => q.id === p.id);
    return other === undefined ? [] : [[p.id, p.summary, other.summary] as const];
  });
  const rows = [...shared, ["overall", a.overall, b.overall] as const].map(([id, x, y]) => [
    id,
    ...COMPARED.map(([, key, better]) => delta(x, y, key, better)),
  ]);
  const only = [
    ...a.personas.filter((p) => !b.personas.some((q) => q.id === p.id)).map((p) => `${p.id} only in a`),
    ...b.personas.filter((p) => !a.personas.some((q) => q.id === p.id)).map((p) => `${p.id} only in b`),
  ];
  const title = `a: ${a.model} (${a.mode} run, ${a.createdAt})\nb: ${b.model} (${b.mode} run, ${b.createdAt})`;
  const note = only.length > 0 ? `\n(${only.join("; ")}; overall rows cover each report's own personas)` : "";
  return `${title}\n\n${render([header, ...rows])}${note}\n`;
}
