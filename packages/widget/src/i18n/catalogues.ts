import { en } from "./en.js";
import { type MessageOverrides, type Messages, mergeMessages } from "./messages.js";

/**
 * The languages the widget ships, by their BCP 47 language subtag. English is in the first chunk;
 * the others load on first use (each its own small chunk in every bundler), so a host pays only
 * for the languages its recruiters see. `@voice-onboarding/widget/locales` has them all statically.
 */
const LOADERS = {
  en: async () => en,
  es: async () => (await import("./es.js")).es,
  de: async () => (await import("./de.js")).de,
} satisfies Record<string, () => Promise<Messages>>;
export type CatalogueLanguage = keyof typeof LOADERS;
export const LANGUAGES = Object.keys(LOADERS) as CatalogueLanguage[];

const atHand = new Map<CatalogueLanguage, Messages>([["en", en]]);
const loading = new Map<CatalogueLanguage, Promise<Messages>>();

interface ParsedLocale {
  tag: string;
  language: CatalogueLanguage;
}

/** The tag's language if the widget ships it; otherwise English is shown, with one warning per tag. */
function parse(locale: string): ParsedLocale | undefined {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(locale)[0];
  } catch {
    tag = undefined;
  }
  const language = tag?.split("-")[0]?.toLowerCase();
  if (tag !== undefined && language !== undefined && language in LOADERS)
    return { tag, language: language as CatalogueLanguage };
  warnOnce(`no messages for locale "${locale}"`);
  return undefined;
}

/** The bare language keeps the catalogue's own region ("de" formats as "de-DE"). */
function withRegion(catalogue: Messages, { tag, language }: ParsedLocale): Messages {
  return tag === language ? catalogue : { ...catalogue, locale: tag };
}

/**
 * The catalogue for a BCP 47 tag, if it is at hand: "es-MX" takes `es`, with "es-MX" as the
 * locale Intl formats numbers and money for. English always is; another language once
 * `loadCatalogue` has loaded it (`undefined` until then). An unknown language or a malformed tag
 * gives English (warning once per tag), so a typo never leaves the widget without words.
 */
export function catalogueFor(locale: string | undefined): Messages | undefined {
  if (locale === undefined || locale === "") return en;
  const parsed = parse(locale);
  if (parsed === undefined) return en;
  const catalogue = atHand.get(parsed.language);
  return catalogue && withRegion(catalogue, parsed);
}

/**
 * Loads the tag's catalogue (once per language) and resolves it. A catalogue that fails to load
 * (the host went offline) gives English, with a warning, for the rest of the page's life.
 */
export function loadCatalogue(locale: string | undefined): Promise<Messages> {
  const ready = catalogueFor(locale);
  if (ready !== undefined) return Promise.resolve(ready);
  const parsed = parse(locale as string) as ParsedLocale;
  let pending = loading.get(parsed.language);
  if (pending === undefined) {
    pending = LOADERS[parsed.language]().catch((cause: unknown) => {
      warnOnce(`the "${parsed.language}" messages did not load (${String(cause)})`);
      return en;
    });
    pending.then((catalogue) => atHand.set(parsed.language, catalogue));
    loading.set(parsed.language, pending);
  }
  return pending.then((catalogue) => withRegion(catalogue, parsed));
}

const warned = new Set<string>();
function warnOnce(problem: string) {
  if (warned.has(problem)) return;
  warned.add(problem);
  console.warn(
    `voice-onboarding: ${problem}; showing English. Languages: ${LANGUAGES.join(", ")}, or pass your own \`messages\`.`,
  );
}

/** Overrides that name every key are a whole catalogue: nothing needs loading under them. */
function isWholeCatalogue(overrides: MessageOverrides | undefined): overrides is Messages {
  return overrides !== undefined && Object.keys(en).every((key) => key in overrides);
}

/**
 * The strings a widget shows: the locale's catalogue with the host's overrides on top, or
 * `undefined` while that catalogue is not at hand (see `loadCatalogue`). A whole catalogue passed
 * as overrides is at hand at once (server rendering in any language).
 */
export function resolveMessages(locale?: string, overrides?: MessageOverrides): Messages | undefined {
  const catalogue = isWholeCatalogue(overrides) ? en : catalogueFor(locale);
  return catalogue && mergeMessages(catalogue, overrides);
}
