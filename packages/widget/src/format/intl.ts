// The one place the widget builds Intl formatters. Building one costs far more than formatting
// with it, and cards format on every render, so each is kept per locale and options.
const cache = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (format === undefined) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** 1234.5 → "1,234.5" (en-US), "1.234,5" (de-DE). */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** 60 → "60%" (en-US), "60 %" (de-DE, es-ES): `percent` counts from 0 to 100. */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}

/** ["job title", "location", "pay"] → "job title, location, and pay" (en-US), "job title, location y pay" (es). */
export function formatList(items: readonly string[], locale: string): string {
  return cached(
    `list|${locale}`,
    () => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }),
  ).format(items);
}
