import { describe, expect, it } from 'vitest';
import { highlightSpans } from './highlightSpans.js';

describe('highlightSpans', () => {
  it('keeps every character once, in order, and drops spans that overlap one already taken', () => {
    const text = 'Title: lead the team. Years: 5+';
    const segments = highlightSpans(text, [
      { start: 29, end: 31, kind: 'experience', id: 3 },
      { start: 0, end: 20, kind: 'responsibility', id: 1 },
      { start: 7, end: 11, kind: 'title', id: 2 },
      { start: 40, end: 50, kind: 'bad', id: 4 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.span).map((s) => [s.span?.id, s.text])).toEqual([
      [1, 'Title: lead the team'],
      [3, '5+'],
    ]);
  });
});
