import { describe, expect, it } from "vitest";
import { de } from "../i18n/de.js";
import { es } from "../i18n/es.js";
import { DEFAULT_CARD_LABELS as labels } from "../labels.js";
import { nuanceCategoryName, requiredFieldName } from "./categories.js";
import { formatExperience } from "./experience.js";
import { formatList, formatNumber, formatPercent } from "./intl.js";
import { formatCompensation, formatMoney } from "./money.js";
import { formatWorkplace } from "./workplace.js";

describe("formatMoney", () => {
  it("formats whole amounts without cents in the given currency", () => {
    expect(formatMoney(120000, "USD", "en-US")).toBe("$120,000");
    expect(formatMoney(65000, "EUR", "de-DE")).toBe("65.000\u00a0€");
  });

  it("keeps cents when the amount has them", () => {
    expect(formatMoney(42.5, "GBP", "en-GB")).toBe("£42.50");
  });
});

describe("formatCompensation", () => {
  it("formats a range with the pay interval", () => {
    expect(formatCompensation({ min: 120000, max: 150000, currency: "USD", interval: "year" }, labels)).toBe(
      "$120,000 – $150,000 per year",
    );
  });

  it("formats open-ended ranges", () => {
    expect(formatCompensation({ min: 50, currency: "EUR", interval: "hour" }, labels)).toBe(
      "From €50 per hour",
    );
    expect(formatCompensation({ max: 9000, currency: "USD", interval: "month" }, labels)).toBe(
      "Up to $9,000 per month",
    );
  });

  it("returns undefined when no amount is known", () => {
    expect(formatCompensation({ currency: "USD", interval: "year" }, labels)).toBeUndefined();
    expect(formatCompensation(undefined, labels)).toBeUndefined();
  });
});

describe("formatExperience", () => {
  it("formats ranges and open bounds", () => {
    expect(formatExperience(3, 5, labels)).toBe("3–5 years");
    expect(formatExperience(3, undefined, labels)).toBe("3+ years");
    expect(formatExperience(undefined, 5, labels)).toBe("Up to 5 years");
    expect(formatExperience(undefined, undefined, labels)).toBeUndefined();
  });
});

describe("formatWorkplace", () => {
  it("joins workplace type, city and onsite days of a hybrid role", () => {
    expect(
      formatWorkplace({ workplaceType: "hybrid", locationCity: "Berlin", onsiteDaysPerWeek: 3 }, labels),
    ).toBe("Hybrid · Berlin · 3 days onsite a week");
  });

  it("leaves out onsite days for a remote role and nothing known", () => {
    expect(formatWorkplace({ workplaceType: "remote", onsiteDaysPerWeek: 2 }, labels)).toBe("Remote");
    expect(formatWorkplace({}, labels)).toBeUndefined();
  });
});

describe("category names", () => {
  it("reads category and field names from the labels", () => {
    expect(nuanceCategoryName("red_flag", labels)).toBe("Red flags");
    expect(requiredFieldName("interview_stages", labels)).toBe("the interview stages");
  });
});

describe("formatting follows the locale", () => {
  const nbsp = /[\u00a0\u202f]/g;
  const plain = (text: string | undefined) => text?.replace(nbsp, " ");

  it("writes money and ranges as German and Spanish do", () => {
    const pay = { min: 120000, max: 150000, currency: "EUR", interval: "year" } as const;
    expect(plain(formatCompensation(pay, de))).toBe("120.000–150.000 € pro Jahr");
    expect(plain(formatCompensation(pay, es))).toBe("120.000-150.000 € al año");
    expect(plain(formatCompensation({ min: 42.5, currency: "EUR", interval: "hour" }, de))).toBe(
      "Ab 42,50 € pro Stunde",
    );
    expect(plain(formatMoney(9000, "USD", "es-MX"))).toBe("USD 9,000");
  });

  it("writes numbers, percentages and lists for the locale", () => {
    expect(formatNumber(1234567.5, "de-DE")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en-US")).toBe("1,234,567.5");
    expect(plain(formatPercent(60, "de-DE"))).toBe("60 %");
    expect(formatPercent(60, "en-US")).toBe("60%");
    expect(formatList(["Jobtitel", "Standort", "Gehalt"], "de-DE")).toBe("Jobtitel, Standort und Gehalt");
    expect(formatList(["puesto", "salario"], "es-ES")).toBe("puesto y salario");
  });
});
