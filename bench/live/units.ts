/** How the live bench prints its numbers: ms, seconds and MiB. */
export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
export const seconds = (value: number) => (value / 1000).toFixed(1);
export const mib = (kib: number) => (kib / 1024).toFixed(0);
