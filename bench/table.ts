/** Shared helpers for benchmarks: percentiles and a plain-text table. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(`\n${title}\n${line(header)}\n| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
  for (const row of rows) console.log(line(row));
}

/** Sample count, p50, p95 and max of some timings. */
export function stats(values: readonly number[]) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

const millis = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

/** A table row of timings in ms: name, n, p50, p95, max, and whether p95 met the goal (if one is set). */
export function timingRow(name: string, values: readonly number[], goalMs?: number): string[] {
  const { n, p50, p95, max } = stats(values);
  const verdict =
    goalMs === undefined ? "" : p95 < goalMs ? `met (< ${goalMs} ms)` : `NOT met (< ${goalMs} ms)`;
  return [name, String(n), millis(p50), millis(p95), millis(max), verdict];
}
