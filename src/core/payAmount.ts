/**
 * What a pay file may state as base pay. Amounts are written the way people
 * write them in a spreadsheet — "85000", "85,000", "85,000.50" — and never as
 * JavaScript reads numbers: `Number()` would take "1e300", "0x10" and
 * "Infinity" too, and a file meaning none of those would import them.
 */
export type PayPeriod = 'annual' | 'hourly';

/** A year's base pay, from a token amount to far beyond any salary; an hourly figure is a 2,080-hour year's. */
const ANNUAL_MIN = 1;
const ANNUAL_MAX = 100_000_000;
const HOURS_A_YEAR = 2080;

/** Digits, with commas between groups of three or none at all, and an optional decimal part. */
const PLAIN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The number a plain amount states, or null for anything else: a sign, an exponent, hex, words. */
export function plainNumber(text: string): number | null {
  const value = PLAIN.test(text) ? Number(text.replaceAll(',', '')) : Number.NaN;
  // Four hundred digits are plain too, and read as Infinity.
  return Number.isFinite(value) ? value : null;
}

/** The range base pay for a period must fall in. */
export function payRange(period: PayPeriod): { min: number; max: number } {
  const perYear = period === 'hourly' ? HOURS_A_YEAR : 1;
  return { min: ANNUAL_MIN / perYear, max: ANNUAL_MAX / perYear };
}

/** Why a number is not base pay for the period, or null when it is. */
export function payOutOfRange(value: number, period: PayPeriod = 'annual'): string | null {
  const { min, max } = payRange(period);
  if (value >= min && value <= max) return null;
  const per = period === 'hourly' ? 'an hour' : 'a year';
  const figure = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return `${value < min ? 'below' : 'above'} ${figure(value < min ? min : max)} ${per}`;
}

/** Base pay as a file writes it, or why it is not: not a plain amount, or out of range. */
export function readPayAmount(
  text: string,
  period: PayPeriod = 'annual',
): { value: number } | { problem: string } {
  const value = plainNumber(text);
  if (value === null) return { problem: 'not a plain amount' };
  const problem = payOutOfRange(value, period);
  return problem === null ? { value } : { problem };
}
