import type { PayObservation } from './taxonomy.js';

/** "$120k" style amounts, as profile pages show pay. */
export function formatMoneyShort(amount: number, currency: string): string {
  const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    .formatToParts(0)
    .find((p) => p.type === 'currency')?.value;
  const value = amount >= 1000 ? `${Math.round(amount / 1000)}k` : String(amount);
  return `${symbol ?? `${currency} `}${value}`;
}

export function formatPayRange(pay: PayObservation): string {
  const range =
    pay.low !== null && pay.high !== null
      ? ` (${formatMoneyShort(pay.low, pay.currency)}–${formatMoneyShort(pay.high, pay.currency)})`
      : '';
  return `${formatMoneyShort(pay.median, pay.currency)}${range}`;
}
