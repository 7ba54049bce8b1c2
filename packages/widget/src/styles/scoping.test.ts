// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postcss, { type Rule } from "postcss";
import { describe, expect, it } from "vitest";

const folder = fileURLToPath(new URL(".", import.meta.url));
const cssFiles = readdirSync(folder).filter((name) => name.endsWith(".css"));

/** Splits a selector into compounds at top-level combinators (outside (), [] and quotes). */
function compounds(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  for (const char of selector.trim()) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "(" || char === "[") {
      depth++;
    } else if (char === ")" || char === "]") {
      depth--;
    } else if (depth === 0 && /[\s>+~]/.test(char)) {
      if (current) parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current) parts.push(current);
  return parts;
}

const withoutStrings = (selector: string) => selector.replace(/"[^"]*"|'[^']*'/g, '""');

/** Why a selector could leak into the host page, or null when it is scoped under a vo- class. */
function selectorProblem(selector: string): string | null {
  const bare = withoutStrings(selector);
  if (/:root\b/.test(bare)) return ":root";
  if (bare.includes("*")) return "universal selector";
  if (/(^|[\s>+~(,])(html|body)\b/.test(bare)) return "html/body";
  const [first = ""] = compounds(bare);
  // The leftmost compound must carry a vo- class (attributes like [data-state] only on top of one).
  if (!/\.vo-[\w-]+/.test(first)) return `not scoped under a .vo- class: ${first}`;
  return null;
}

/** Every problem in a stylesheet: unscoped selectors, @font-face. */
function stylesheetProblems(css: string): string[] {
  const problems: string[] = [];
  const root = postcss.parse(css);
  root.walkAtRules("font-face", () => {
    problems.push("@font-face");
  });
  root.walkRules((rule: Rule) => {
    // Keyframe steps (from, to, 50%) are not selectors.
    if (rule.parent?.type === "atrule" && /keyframes$/.test((rule.parent as { name: string }).name)) return;
    for (const selector of rule.selectors) {
      const problem = selectorProblem(selector);
      if (problem) problems.push(`${selector}: ${problem}`);
    }
  });
  return problems;
}

describe("stylesheet scoping", () => {
  it("has the theme, cards, controls and index stylesheets", () => {
    expect(cssFiles).toEqual(
      expect.arrayContaining([
        "theme.css",
        "cards.css",
        "card-content.css",
        "editing.css",
        "controls.css",
        "index.css",
      ]),
    );
  });

  it.each(cssFiles)("%s scopes every selector under a vo- class", (name) => {
    expect(stylesheetProblems(readFileSync(`${folder}/${name}`, "utf8"))).toEqual([]);
  });

  it("index.css imports every stylesheet, theme first", () => {
    const imports: string[] = [];
    postcss.parse(readFileSync(`${folder}/index.css`, "utf8")).walkAtRules("import", (rule) => {
      imports.push(rule.params);
    });
    expect(imports).toEqual([
      '"./theme.css"',
      '"./cards.css"',
      '"./card-content.css"',
      '"./editing.css"',
      '"./controls.css"',
      '"./forced-colors.css"',
    ]);
  });

  it("rejects selectors and rules that would restyle the host", () => {
    expect(
      stylesheetProblems(`
        :root { --x: 1 }
        * { box-sizing: border-box }
        .vo-card * { margin: 0 }
        body .vo-card { color: red }
        button { font: inherit }
        [data-state="new"] { color: red }
        .host .vo-card { color: red }
        .vo-card, h2 { margin: 0 }
        @font-face { font-family: x; src: url(x.woff2) }
      `),
    ).toHaveLength(9);
  });

  it("accepts scoped selectors, attributes on vo- classes and keyframe steps", () => {
    expect(
      stylesheetProblems(`
        .vo-root[data-theme="dark"] { color: white }
        .vo-item[data-state="new"] > .vo-chip + .vo-chip { color: red }
        .vo-card:not(.vo-root .vo-card) { color: red }
        .vo-stage:not(:last-child)::after { content: "*" }
        @media (prefers-color-scheme: dark) { .vo-root[data-theme="auto"] { color: white } }
        @keyframes vo-pulse { from { opacity: 0 } 50% { opacity: 1 } to { opacity: 0 } }
      `),
    ).toEqual([]);
  });
});
