import { afterEach, describe, expect, it, vi } from "vitest";
import { CATALOGUES } from "../locales.js";
import { catalogueFor, LANGUAGES, loadCatalogue, resolveMessages } from "./catalogues.js";
import { en } from "./en.js";

/**
 * A catalogue's shape, values left out: every key, each function's arity, each list's length and
 * its entries' shapes. Two catalogues with the same shape can be swapped without a missing string.
 */
function shapeOf(value: unknown): unknown {
  if (typeof value === "function") return `function/${value.length}`;
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
    );
  }
  return typeof value;
}

/** Every string a catalogue holds (functions called with stand-in arguments), for the emptiness check. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function")
    return [String(value(...Array.from({ length: value.length }, (_, i) => i + 2)))];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

afterEach(() => vi.restoreAllMocks());

describe("the message catalogues", () => {
  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "%s has exactly English's keys, function arities and list shapes",
    (language) => {
      expect(shapeOf(CATALOGUES[language])).toEqual(shapeOf(en));
    },
  );

  it("tells a missing key, an extra key and a changed arity apart from a complete catalogue", () => {
    const { save: _, ...missing } = en;
    expect(shapeOf(missing)).not.toEqual(shapeOf(en));
    expect(shapeOf({ ...en, extra: "x" })).not.toEqual(shapeOf(en));
    expect(shapeOf({ ...en, editItem: () => "Edit" })).not.toEqual(shapeOf(en));
    expect(shapeOf({ ...en, fundingStages: { ...en.fundingStages, seed: undefined } })).not.toEqual(
      shapeOf(en),
    );
  });

  it.each(LANGUAGES)("%s has no empty string and is not English with a new name", (language) => {
    const strings = stringsOf(CATALOGUES[language]);
    expect(strings.filter((text) => text.trim() === "")).toEqual([]);
    if (language !== "en") {
      expect(CATALOGUES[language].start).not.toBe(en.start);
      expect(CATALOGUES[language].announceTraitAdded("Go")).not.toBe(en.announceTraitAdded("Go"));
    }
  });

  it.each(LANGUAGES)("%s names a locale Intl knows", (language) => {
    const { locale } = CATALOGUES[language];
    expect(Intl.NumberFormat.supportedLocalesOf([locale])).toEqual([locale]);
    expect(locale.startsWith(language)).toBe(true);
  });
});

describe("catalogueFor and loadCatalogue", () => {
  it("picks the catalogue by language and keeps a region for number formats", async () => {
    expect(catalogueFor(undefined)).toBe(en);
    expect(catalogueFor("en-GB")?.locale).toBe("en-GB");
    expect(await loadCatalogue("de")).toBe(CATALOGUES.de);
    expect(catalogueFor("de")).toBe(CATALOGUES.de);
    const mexican = await loadCatalogue("es-MX");
    expect(mexican.start).toBe(CATALOGUES.es.start);
    expect(mexican.locale).toBe("es-MX");
    expect(catalogueFor("DE-at")?.locale).toBe("de-AT");
  });

  it("falls back to English with one warning naming the languages, for unknown or malformed tags", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(catalogueFor("fr")).toBe(en);
    expect(await loadCatalogue("fr")).toBe(en);
    expect(catalogueFor("not a tag!")).toBe(en);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toContain('"fr"');
    expect(warn.mock.calls[0]?.[0]).toContain("en, es, de");
  });
});

describe("resolveMessages", () => {
  it("lays overrides over the locale's catalogue, merging records entry by entry", async () => {
    await loadCatalogue("de");
    const messages = resolveMessages("de", { save: "Sichern", fundingStages: { seed: "Saat" } });
    expect(messages?.save).toBe("Sichern");
    expect(messages?.cancel).toBe(CATALOGUES.de.cancel);
    expect(messages?.fundingStages.seed).toBe("Saat");
    expect(messages?.fundingStages.series_a).toBe(CATALOGUES.de.fundingStages.series_a);
    expect(CATALOGUES.de.save).toBe("Speichern");
  });

  it("replaces lists and functions whole and returns the catalogue itself without overrides", async () => {
    await loadCatalogue("es");
    const help = [{ browser: "Edge", steps: "Allow it." }];
    const messages = resolveMessages("es", { microphoneHelp: help, editItem: (name) => `Cambiar ${name}` });
    expect(messages?.microphoneHelp).toBe(help);
    expect(messages?.editItem("Go")).toBe("Cambiar Go");
    expect(resolveMessages("es", {})).toBe(CATALOGUES.es);
  });
});
