import type { CardMessages } from "./card-messages.js";
import type { ControlMessages } from "./control-messages.js";
import type { StatusMessages } from "./status-messages.js";

/**
 * Every user-visible string of the widget, one flat catalogue per language (`en`, `es`, `de`).
 * Functions take the values a sentence needs, so each language orders and inflects them itself.
 */
export interface Messages extends CardMessages, ControlMessages, StatusMessages {}

type Overrides<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? Partial<T>
      : T;

/**
 * What a host passes as `messages`: any subset of the keys; a record (e.g. `fundingStages`) may
 * name only some of its entries. Arrays and functions are replaced whole.
 */
export type MessageOverrides = { [K in keyof Messages]?: Overrides<Messages[K]> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `base` with `overrides` on top, records merged one level deep; `base` itself when nothing is overridden. */
export function mergeMessages<T extends object>(
  base: T,
  overrides: Partial<Record<keyof T, unknown>> | undefined,
): T {
  if (!overrides) return base;
  const keys = Object.keys(overrides) as (keyof T)[];
  if (keys.length === 0) return base;
  const merged = { ...base };
  for (const key of keys) {
    const value = overrides[key];
    if (value === undefined) continue;
    const previous = base[key];
    merged[key] = (isRecord(previous) && isRecord(value) ? { ...previous, ...value } : value) as T[keyof T];
  }
  return merged;
}
