import type { Compensation } from "@voice-onboarding/protocol";
import type { CardLabels } from "../labels.js";

type MoneyLabels = Pick<CardLabels, "locale" | "payIntervals" | "moneyFrom" | "moneyUpTo">;

/** One amount in an ISO 4217 currency; cents only when the amount has them (hourly rates). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const cents = !Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    }).format(amount);
  } catch {
    // A well-formed code Intl does not know still deserves a readable amount.
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
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
