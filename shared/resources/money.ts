import { z } from 'zod';

// Money as integer minor units (cents) next to an ISO 4217 code. Amounts in different currencies
// are never added: totals are grouped by currency, and only amounts in a goal's currency count
// toward it.

/** The largest amount accepted, in minor units (well inside a double's exact integers). */
export const MAX_MINOR = 1_000_000_000_000_00;

/** The currency codes this runtime knows (ISO 4217), e.g. USD, EUR, KES. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
}

export const currency = z
  .string({ message: 'Currency is missing.' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCurrency, { message: 'Use a three-letter ISO 4217 currency code such as USD, EUR or KES.' });

export function minorAmount(label: string, positive = false) {
  return z
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number of cents (minor units).` })
    .min(positive ? 1 : 0, { message: positive ? `${label} must be more than zero.` : `${label} cannot be negative.` })
    .max(MAX_MINOR, { message: `${label} is too large.` });
}

// Building an Intl.NumberFormat costs ~100 µs, and a dashboard converts thousands of amounts:
// each currency's digits and each formatter are made once.
const DIGITS = new Map<string, number>();
const FORMATS = new Map<string, Intl.NumberFormat>();

/** Minor units per major unit of a currency (100 for USD, 1 for JPY, 1000 for KWD). */
export function minorDigits(code: string): number {
  let digits = DIGITS.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    DIGITS.set(code, digits);
  }
  return digits;
}

/** "$1,234.50", "€200.00" (Intl.NumberFormat) for an amount in minor units. */
export function formatMoney(minor: number, code: string, locale?: string): string {
  const key = `${locale ?? ''}|${code}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    FORMATS.set(key, format);
  }
  return format.format(minor / 10 ** minorDigits(code));
}

/** Minor units from an amount typed in major units (12.5 USD → 1250). */
export function toMinor(major: number, code: string): number {
  return Math.round(major * 10 ** minorDigits(code));
}

export function fromMinor(minor: number, code: string): number {
  return minor / 10 ** minorDigits(code);
}

/** Amounts per currency: sums grouped by code, codes in order. */
export const moneyByCurrency = z.array(z.object({ currency: z.string(), minor: z.number().int() }));
export type MoneyByCurrency = z.infer<typeof moneyByCurrency>;

export function sumByCurrency(items: readonly { currency: string; minor: number }[]): MoneyByCurrency {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.minor);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, minor]) => ({ currency: code, minor }));
}
