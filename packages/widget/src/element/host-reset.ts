/**
 * The shadow host's inherited properties, fixed. A host page's `* { font: 40px serif !important }`
 * matches our host element and would be inherited inside; an `!important` from inside the shadow
 * wins over one from outside (CSS Cascade 4), so these hold. Hosts set the font through
 * `--vo-font-family` / `--vo-font-size`, which inherit through the shadow boundary.
 */
export const HOST_RESET = `:host {
  display: block;
  --vo-rem: var(--vo-font-size, 16px);
  font-family: var(--vo-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif) !important;
  font-size: var(--vo-font-size, 16px) !important;
  font-weight: 400 !important;
  font-style: normal !important;
  line-height: 1.5 !important;
  letter-spacing: normal !important;
  word-spacing: normal !important;
  text-transform: none !important;
  text-align: start !important;
  text-indent: 0 !important;
  text-shadow: none !important;
  white-space: normal !important;
  color: CanvasText !important;
  visibility: visible !important;
  cursor: auto !important;
}`;

/**
 * `rem` is the page's root font size, which no shadow root shields (a page's `html { font-size: 40px }`
 * would scale the widget): inside the element, lengths in rem count from `--vo-rem` instead.
 */
export function withoutRootUnits(css: string): string {
  return css.replace(/(-?(?:\d*\.)?\d+)rem\b/g, "calc($1 * var(--vo-rem))");
}
