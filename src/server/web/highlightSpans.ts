export interface Span {
  start: number;
  end: number;
  kind: string;
  id: number;
}

export interface Segment {
  text: string;
  span: Span | null;
}

/**
 * Cuts a text into plain and highlighted runs. Spans are taken in order of
 * their start; one that overlaps a span already taken is left out (a title
 * inside a heading inside a level), so every character is shown exactly once.
 */
export function highlightSpans(text: string, spans: readonly Span[]): Segment[] {
  const sorted = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start), span: null });
    out.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), span: null });
  return out;
}

export interface TextPage {
  /** Where the page starts in the text. */
  start: number;
  segments: Segment[];
}

/**
 * Splits highlighted runs into pages of at most `chars` characters and `spans` marked runs, so a
 * large document is shown a page at a time. A marked run is never split (its id is an anchor), so
 * a page may run over `chars` by one run; a plain run is cut after the last line break that fits,
 * or where the page is full when a line is longer than a page. There is always one page.
 */
export function paginateSegments(
  segments: readonly Segment[],
  limits: { chars: number; spans: number },
): TextPage[] {
  const pages: TextPage[] = [];
  let page: TextPage = { start: 0, segments: [] };
  let chars = 0;
  let spans = 0;
  const close = () => {
    pages.push(page);
    page = { start: page.start + chars, segments: [] };
    chars = 0;
    spans = 0;
  };
  const add = (segment: Segment) => {
    page.segments.push(segment);
    chars += segment.text.length;
  };
  for (const segment of segments) {
    if (segment.span) {
      if (chars > 0 && (chars + segment.text.length > limits.chars || spans >= limits.spans)) close();
      add(segment);
      spans += 1;
      continue;
    }
    let rest = segment.text;
    while (chars + rest.length > limits.chars) {
      const room = limits.chars - chars;
      const lineEnd = room > 0 ? rest.lastIndexOf('\n', room - 1) + 1 : 0;
      const cut = lineEnd > 0 ? lineEnd : chars === 0 ? limits.chars : 0;
      if (cut > 0) add({ text: rest.slice(0, cut), span: null });
      rest = rest.slice(cut);
      close();
    }
    if (rest) add({ text: rest, span: null });
  }
  if (chars > 0 || pages.length === 0) close();
  return pages;
}

/** The page (from 1) that shows the character at `offset`. */
export function pageNumberAt(pages: readonly TextPage[], offset: number): number {
  const index = pages.findIndex((p) => p.start > offset);
  return index === -1 ? pages.length : index;
}
