import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../locales.js";
import { catalogueFor, loadCatalogue, resolveMessages } from "./catalogues.js";

// A module of its own: the loaded catalogues are module state, and here none is loaded yet.
describe("a language that has not loaded", () => {
  it("is not at hand until loadCatalogue resolves, then is, once for all its regions", async () => {
    expect(catalogueFor("de")).toBeUndefined();
    expect(resolveMessages("de-CH", { save: "Sichern" })).toBeUndefined();
    const [swiss, austrian] = await Promise.all([loadCatalogue("de-CH"), loadCatalogue("de-AT")]);
    expect(swiss.start).toBe(CATALOGUES.de.start);
    expect([swiss.locale, austrian.locale]).toEqual(["de-CH", "de-AT"]);
    expect(resolveMessages("de-CH", { save: "Sichern" })?.save).toBe("Sichern");
    expect(catalogueFor("es")).toBeUndefined();
  });

  it("is at hand at once when the overrides are a whole catalogue (server rendering)", () => {
    expect(catalogueFor("es")).toBeUndefined();
    const messages = resolveMessages("es", CATALOGUES.es);
    expect(messages?.start).toBe(CATALOGUES.es.start);
    expect(messages?.locale).toBe("es-ES");
  });
});
