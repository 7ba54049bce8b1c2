import { expect } from "vitest";
import { FENCE_END } from "../sanitize.js";

/** Lines with whether each sits inside a data fence; fails on a nested or unclosed fence. */
export function fencedLines(prompt: string) {
  let inside = false;
  const lines = prompt.split("\n").map((line) => {
    if (line.startsWith("[[[BEGIN DATA: ") && line.endsWith("]]]")) {
      expect(inside, `nested fence at: ${line}`).toBe(false);
      inside = true;
      return { line, inside: false };
    }
    if (line === FENCE_END) {
      expect(inside, "fence closed twice").toBe(true);
      inside = false;
      return { line, inside: false };
    }
    return { line, inside };
  });
  expect(inside, "unclosed fence").toBe(false);
  return lines;
}
