import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatBand, formatMoneyShort, formatRange } from './format.js';

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

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['![x](/p.png)', '!\\[x\\](/p.png)'],
    ['\\[x](javascript:alert(1))', '\\\\\\[x\\](javascript:alert(1))'],
    ['&lt;b&gt; and &#60;', '&amp;lt;b&amp;gt; and &amp;#60;'],
    ['R&D & design, 3–5 teams', 'R&D & design, 3–5 teams'],
  ])('writes %j as %j', (text, markdown) => {
    expect(escapeMarkdown(text)).toBe(markdown);
  });

  it('leaves a Markdown reader no tag, link or image, and the text as written', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<javascript:alert(1)>',
      '[click](javascript:alert(1))',
      '![x](/p.png)',
      '\\[x](javascript:alert(1))',
      '[x]: javascript:alert(1)',
      '&lt;script&gt;',
    ];
    for (const text of hostile) {
      const tree = unified()
        .use(remarkParse)
        .use(remarkGfm)
        .parse(`- ${escapeMarkdown(text)}`);
      const kinds = new Set<string>();
      const shown: string[] = [];
      const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
        kinds.add(node.type);
        if (node.type === 'text') shown.push(node.value ?? '');
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk(tree);
      expect([...kinds].filter((k) => ['html', 'link', 'image', 'definition'].includes(k))).toEqual([]);
      expect(shown.join('')).toBe(text);
    }
  });
});
