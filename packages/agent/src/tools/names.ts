import { findNamed, nameClash, nameKey } from "@voice-onboarding/protocol";
import { ChangeError } from "../service/index.js";

export { findNamed, nameKey };

const MAX_LISTED = 25;

/** Names are unique per profile on every path: renaming an item to another's name is refused. */
export function assertNameFree<Item extends { id: string; name: string }>(
  items: readonly Item[],
  name: string,
  id: string,
  kind: string,
): void {
  const clash = nameClash(items, name, id, kind);
  if (clash) throw new ChangeError(clash);
}

export function listNames(items: readonly { name: string }[]): string {
  const listed = items.slice(0, MAX_LISTED).map((item) => item.name);
  const more = items.length - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

export function notFound(kind: string, name: string, items: readonly { name: string }[]): ChangeError {
  const existing =
    items.length > 0 ? `Existing ${kind}s: ${listNames(items)}.` : `There are no ${kind}s yet.`;
  return new ChangeError(`No ${kind} named "${name.trim().slice(0, 120)}". ${existing}`, "not_found");
}

/** Appends texts not already present (ignoring case and spacing), keeping order. */
export function mergeTexts(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map(nameKey));
  const merged = [...existing];
  for (const text of added) {
    const key = nameKey(text);
    if (key.length > 0 && !seen.has(key)) {
      seen.add(key);
      merged.push(text.trim());
    }
  }
  return merged;
}

export function nothingToUpdate(options: readonly string[]): ChangeError {
  return new ChangeError(`Nothing to update: give at least one of ${options.join(", ")}.`);
}
