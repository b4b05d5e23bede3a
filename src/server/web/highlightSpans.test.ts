import { describe, expect, it } from 'vitest';
import { highlightSpans, pageNumberAt, paginateSegments } from './highlightSpans.js';

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

describe('paginateSegments', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${String(i).padStart(2, '0')} of the ladder`);
  const text = `${lines.join('\n')}\n`;
  const at = (line: number) => text.indexOf(lines[line] ?? '');
  const spans = [3, 4, 5, 6, 20, 21].map((line, id) => ({
    start: at(line),
    end: at(line) + (lines[line]?.length ?? 0),
    kind: 'responsibility',
    id,
  }));
  const marked = (page: { segments: { span: unknown }[] }) => page.segments.filter((s) => s.span).length;

  it('cuts plain text after a line break and keeps every character once, each page starting where the last ended', () => {
    const pages = paginateSegments(highlightSpans(text, spans), { chars: 200, spans: 100 });
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.map((p) => p.segments.map((s) => s.text).join('')).join('')).toBe(text);
    for (const [i, page] of pages.entries()) {
      const shown = page.segments.map((s) => s.text).join('');
      expect(text.startsWith(shown, page.start)).toBe(true);
      if (i < pages.length - 1) expect(shown.endsWith('\n')).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(200);
    }
    // The page a span's start falls on is the page that shows it.
    for (const span of spans) {
      const page = pages[pageNumberAt(pages, span.start) - 1];
      expect(page?.segments.some((s) => s.span?.id === span.id)).toBe(true);
    }
    expect(pageNumberAt(pages, 0)).toBe(1);
    expect(pageNumberAt(pages, text.length - 1)).toBe(pages.length);
  });

  it('puts at most the given number of marked runs on a page and never splits one', () => {
    const pages = paginateSegments(highlightSpans(text, spans), { chars: 10_000, spans: 2 });
    expect(pages.map(marked)).toEqual([2, 2, 2]);
    expect(pages.flatMap((p) => p.segments.filter((s) => s.span).map((s) => s.text))).toEqual(
      [3, 4, 5, 6, 20, 21].map((l) => lines[l]),
    );
  });

  it('cuts a line longer than a page where the page is full, and gives an empty text one page', () => {
    const pages = paginateSegments(highlightSpans('x'.repeat(25), []), { chars: 10, spans: 5 });
    expect(pages.map((p) => [p.start, p.segments[0]?.text.length])).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(paginateSegments([], { chars: 10, spans: 5 })).toEqual([{ start: 0, segments: [] }]);
  });
});
