import type { Compensation } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";
import { formatNumber, numberFormat } from "./intl.js";

type MoneyLabels = Pick<CardMessages, "locale" | "payIntervals" | "moneyFrom" | "moneyUpTo">;

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
    return `${formatNumber(amount, locale)} ${currency}`;
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
