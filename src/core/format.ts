/** "$120k" style amounts, as profile pages show pay. */
export function formatMoneyShort(amount: number, currency: string): string {
  const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    .formatToParts(0)
    .find((p) => p.type === 'currency')?.value;
  const value = amount >= 1000 ? `${Math.round(amount / 1000)}k` : String(amount);
  return `${symbol ?? `${currency} `}${value}`;
}

/** "$95k–$153k"; a top end the source does not publish (top-coded) reads "above the top code". */
export function formatRange(low: number | null, high: number | null, currency: string): string | null {
  if (low === null) return null;
  return `${formatMoneyShort(low, currency)}–${high === null ? 'above the top code' : formatMoneyShort(high, currency)}`;
}

/** "$120k ($95k–$153k)": a median with its range, as every page and command shows pay. */
export function formatBand(band: {
  median: number;
  low: number | null;
  high: number | null;
  currency: string;
}): string {
  const range = formatRange(band.low, band.high, band.currency);
  return `${formatMoneyShort(band.median, band.currency)}${range ? ` (${range})` : ''}`;
}
