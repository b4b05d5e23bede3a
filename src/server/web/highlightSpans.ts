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
