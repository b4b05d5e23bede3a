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
  atLeast?: boolean;
}): string {
  // A top-coded bound is the published figure itself, to the dollar: rounding it would move the bound.
  if (band.atLeast)
    return `≥ ${new Intl.NumberFormat('en-US', { style: 'currency', currency: band.currency, maximumFractionDigits: 0 }).format(band.median)}, top-coded`;
  const range = formatRange(band.low, band.high, band.currency);
  return `${formatMoneyShort(band.median, band.currency)}${range ? ` (${range})` : ''}`;
}

/**
 * Text from profiles (and so from ingested documents) for a Markdown document, to read as
 * written wherever the Markdown is rendered: `<` and `>` become entities, so no tag comes out
 * as live HTML (`<img onerror>`, `<script>`, an autolink `<javascript:…>`); an `&` that would
 * start an entity is written `&amp;` (a lone `&`, as in "R&D", is plain text in Markdown and
 * stays readable); and backslashes and brackets are escaped, so no link or image
 * (`[x](javascript:…)`, `![x](…)`) can be formed. A bare http(s) address or "www." may
 * still be shown as a link by renderers with GFM autolinks: it goes where it says.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\[\]]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
