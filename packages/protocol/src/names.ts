/** Names match ignoring case and spacing: "distributed  systems" finds "Distributed Systems". */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export function findNamed<Item extends { name: string }>(
  items: readonly Item[],
  name: string,
): Item | undefined {
  const key = nameKey(name);
  return items.find((item) => nameKey(item.name) === key);
}

/** The item other than `id` already called `name` (trait and stage names are unique per profile). */
export function nameTakenBy<Item extends { id: string; name: string }>(
  items: readonly Item[],
  name: string,
  id: string,
): Item | undefined {
  const key = nameKey(name);
  return items.find((item) => item.id !== id && nameKey(item.name) === key);
}

/** Why `name` cannot be item `id`'s: another `kind` has it already (undefined when it is free). */
export function nameClash(
  items: readonly { id: string; name: string }[],
  name: string,
  id: string,
  kind: string,
): string | undefined {
  const other = nameTakenBy(items, name, id);
  return other ? `another ${kind} is already named "${other.name}"; choose a different name` : undefined;
}
