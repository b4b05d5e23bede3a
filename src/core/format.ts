/** "$120k" style amounts, as profile pages show pay. */
export function formatMoneyShort(amount: number, currency: string): string {
  const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    .formatToParts(0)
    .find((p) => p.type === 'currency')?.value;
  const value = amount >= 1000 ? `${Math.round(amount / 1000)}k` : String(amount);
  return `${symbol ?? `${currency} `}${value}`;
}
