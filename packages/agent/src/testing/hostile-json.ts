type Json = ReturnType<typeof JSON.parse>;

/**
 * A copy of `value` with the part at a generated path (walking down by index choices into object
 * keys and array items) replaced with `next`: one way a hostile sender bends a valid payload.
 */
export function replaceSomewhere(value: Json, choices: number[], next: Json): Json {
  if (choices.length === 0 || value === null || typeof value !== "object") return next;
  const keys = Object.keys(value);
  if (keys.length === 0) return next;
  const [choice = 0, ...rest] = choices;
  const key = keys[choice % keys.length] as string;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, Json>)[key] = replaceSomewhere((value as Record<string, Json>)[key], rest, next);
  return copy;
}
