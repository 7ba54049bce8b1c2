import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { type MessageOverrides, type Messages, mergeMessages } from "./messages.js";

/** The languages the widget ships, by their BCP 47 language subtag. */
export const CATALOGUES = { en, es, de } satisfies Record<string, Messages>;
export type CatalogueLanguage = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as CatalogueLanguage[];

function canonical(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/**
 * The catalogue for a BCP 47 tag: "es-MX" takes `es`, with "es-MX" as the locale Intl formats
 * numbers and money for. An unknown language or a malformed tag falls back to English (warning
 * once per tag), so a typo never leaves the widget without words.
 */
export function catalogueFor(locale: string | undefined): Messages {
  if (locale === undefined || locale === "") return en;
  const tag = canonical(locale);
  const language = tag?.split("-")[0]?.toLowerCase();
  const catalogue =
    language && language in CATALOGUES ? CATALOGUES[language as CatalogueLanguage] : undefined;
  if (tag === undefined || catalogue === undefined) {
    warnOnce(locale);
    return en;
  }
  // The bare language keeps the catalogue's own region ("de" formats as "de-DE").
  return tag === language ? catalogue : { ...catalogue, locale: tag };
}

const warned = new Set<string>();
function warnOnce(locale: string) {
  if (warned.has(locale)) return;
  warned.add(locale);
  console.warn(
    `voice-onboarding: no messages for locale "${locale}"; showing English. Languages: ${LANGUAGES.join(", ")}, or pass your own \`messages\`.`,
  );
}

/** The strings a widget shows: the locale's catalogue with the host's overrides on top. */
export function resolveMessages(locale?: string, overrides?: MessageOverrides): Messages {
  return mergeMessages(catalogueFor(locale), overrides);
}
