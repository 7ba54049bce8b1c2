import type { CssVariables } from "../voice-onboarding.js";

export type StoryTheme = "light" | "dark";

export function storyTheme(value: unknown): StoryTheme {
  return value === "dark" ? "dark" : "light";
}

/** The `--vo-*` args a story was given in Controls, as the widget's `cssVariables`. */
export function cssVariablesOf(args: object): CssVariables {
  const variables: CssVariables = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith("--vo-") && (typeof value === "string" || typeof value === "number") && value !== "")
      variables[name as `--vo-${string}`] = value;
  }
  return variables;
}
