import type { CardMessages } from "../../i18n/card-messages.js";
/** Parsed form input: `null` means the field was left empty (clears the value). */
export type Parsed<Value> = { ok: true; value: Value | null } | { ok: false };

const INVALID = { ok: false } as const;

export function readText(raw: string, maxLength: number): Parsed<string> {
  const value = raw.trim();
  if (value === "") return { ok: true, value: null };
  return value.length > maxLength ? INVALID : { ok: true, value };
}

/** One item a line, blank lines dropped; each line trimmed and bounded like `text()` in the protocol. */
export function readList(
  raw: string,
  maxItems: number,
  maxLength = 300,
): { ok: true; value: string[] | null } | { ok: false; tooMany: boolean } {
  const items = raw
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (items.length > maxItems) return { ok: false, tooMany: true };
  if (items.some((item) => item.length > maxLength)) return { ok: false, tooMany: false };
  return { ok: true, value: items.length === 0 ? null : items };
}

/** Why `readList` refused a list field, in the widget's language. */
export function listRefusal(
  labels: Pick<CardMessages, "tooManyItems" | "tooLong">,
  field: string,
  refusal: { tooMany: boolean },
  maxItems: number,
  maxLength = 300,
): string {
  return refusal.tooMany ? labels.tooManyItems(field, maxItems) : labels.tooLong(field, maxLength);
}

export const listText = (items: readonly string[] | undefined): string => (items ?? []).join("\n");

export function readWholeNumber(raw: string, min: number, max: number): Parsed<number> {
  const value = raw.trim();
  if (value === "") return { ok: true, value: null };
  if (!/^\d+$/.test(value)) return INVALID;
  const number = Number(value);
  return number >= min && number <= max ? { ok: true, value: number } : INVALID;
}

/** A pay amount: zero or more, at most two decimals, separators like "120,000" accepted. */
export function readAmount(raw: string, max: number): Parsed<number> {
  const value = raw.trim().replace(/[,_\s]/g, "");
  if (value === "") return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return INVALID;
  const number = Number(value);
  return number <= max ? { ok: true, value: number } : INVALID;
}

/** Tri-state select value for optional booleans. */
export type YesNo = "" | "yes" | "no";

export const toYesNo = (value: boolean | undefined): YesNo =>
  value === undefined ? "" : value ? "yes" : "no";

export const fromYesNo = (value: YesNo): boolean | null => (value === "" ? null : value === "yes");

export const numberText = (value: number | undefined): string => (value === undefined ? "" : String(value));

/** A problem with one form field, shown inline and tied to that input. */
export interface FieldError {
  field: string;
  message: string;
}
