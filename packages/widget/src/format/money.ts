import type { Compensation } from "@voice-onboarding/protocol";
import type { CardLabels } from "../labels.js";

type MoneyLabels = Pick<CardLabels, "locale" | "payIntervals" | "moneyFrom" | "moneyUpTo">;

// Building an Intl.NumberFormat costs far more than formatting with one; cards format on every render.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${options.currency ?? ""}|${options.minimumFractionDigits ?? ""}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** One amount in an ISO 4217 currency; cents only when the amount has them (hourly rates). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  try {
    return numberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    // A well-formed code Intl does not know still deserves a readable amount.
    return `${numberFormat(locale).format(amount)} ${currency}`;
  }
}

/** "$120,000 – $150,000 per year", "From €50 per hour", or undefined when no amount is known. */
export function formatCompensation(compensation: Compensation | undefined, labels: MoneyLabels) {
  if (!compensation) return undefined;
  const { min, max, currency, interval } = compensation;
  const money = (amount: number) => formatMoney(amount, currency, labels.locale);
  let range: string;
  if (min !== undefined && max !== undefined) {
    range = min === max ? money(min) : `${money(min)} – ${money(max)}`;
  } else if (min !== undefined) {
    range = labels.moneyFrom(money(min));
  } else if (max !== undefined) {
    range = labels.moneyUpTo(money(max));
  } else {
    return undefined;
  }
  return `${range} ${labels.payIntervals[interval]}`;
}
