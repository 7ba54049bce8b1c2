/**
 * A fresh id for a command or a new item. randomUUID exists only in secure contexts (an http
 * intranet page has none), so getRandomValues, which exists everywhere, is the fallback.
 */
export function newId(prefix: string): string {
  const random =
    globalThis.crypto?.randomUUID?.() ??
    Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (byte) =>
      byte.toString(16).padStart(2, "0"),
    ).join("");
  return `${prefix}-${random}`.slice(0, 64);
}
