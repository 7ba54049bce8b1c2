import type { Compensation } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";
import { formatNumber, numberFormat } from "./intl.js";

type MoneyLabels = Pick<CardMessages, "locale" | "payIntervals" | "moneyFrom" | "moneyUpTo">;

/** Cents only when an amount has them (hourly rates). */
function currencyFormat(amounts: number[], currency: string, locale: string): Intl.NumberFormat {
  const digits = amounts.every(Number.isInteger) ? 0 : 2;
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** One amount in an ISO 4217 currency, as the locale writes it ("$120,000", "120.000 €"). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return currencyFormat([amount], currency, locale).format(amount);
  } catch {
    // A malformed code still deserves a readable amount.
    return `${formatNumber(amount, locale)} ${currency}`;
  }
}

/** Two amounts as the locale writes a range ("$120,000 – $150,000", "120.000–150.000 €"). */
export function formatMoneyRange(min: number, max: number, currency: string, locale: string): string {
  try {
    return currencyFormat([min, max], currency, locale).formatRange(min, max);
  } catch {
    return `${formatMoney(min, currency, locale)} – ${formatMoney(max, currency, locale)}`;
  }
}

/** "$120,000 – $150,000 per year", "Ab 50 € pro Stunde", or undefined when no amount is known. */
export function formatCompensation(compensation: Compensation | undefined, labels: MoneyLabels) {
  if (!compensation) return undefined;
  const { min, max, currency, interval } = compensation;
  const money = (amount: number) => formatMoney(amount, currency, labels.locale);
  let range: string;
  if (min !== undefined && max !== undefined) {
    range = min === max ? money(min) : formatMoneyRange(min, max, currency, labels.locale);
  } else if (min !== undefined) {
    range = labels.moneyFrom(money(min));
  } else if (max !== undefined) {
    range = labels.moneyUpTo(money(max));
  } else {
    return undefined;
  }
  return `${range} ${labels.payIntervals[interval]}`;
}
