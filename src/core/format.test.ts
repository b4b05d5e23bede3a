import { describe, expect, it } from 'vitest';
import { formatBand, formatMoneyShort, formatRange } from './format.js';

describe('pay formatting', () => {
  it.each([
    [{ median: 120_000, low: 95_000, high: 153_000, currency: 'USD' }, '$120k ($95k–$153k)'],
    [{ median: 211_000, low: 184_000, high: null, currency: 'USD' }, '$211k ($184k–above the top code)'],
    [{ median: 171_000, low: null, high: null, currency: 'USD' }, '$171k'],
    [{ median: 60_000, low: 50_000, high: 70_000, currency: 'EUR' }, '€60k (€50k–€70k)'],
  ])('formats %j as %s', (band, text) => {
    expect(formatBand(band)).toBe(text);
  });

  it('has no range without a low end, and small amounts stay whole', () => {
    expect(formatRange(null, 150_000, 'USD')).toBeNull();
    expect(formatMoneyShort(45, 'USD')).toBe('$45');
  });
});
