import * as z from "zod/mini";

/** Trimmed, non-empty, bounded text. Bounds keep a profile (and the prompt built from it) finite. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const textList = (maxItems: number, maxLength = 300) =>
  z.array(text(maxLength)).check(z.maxLength(maxItems));

export const Id = z.string().check(z.minLength(1), z.maxLength(64));
