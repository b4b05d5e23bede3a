/** Words that carry no content, left out when statements are compared. */
const FILLER = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to with within across where which who while including such as'.split(
    ' ',
  ),
);

const stem = (w: string) => w.replace(/(?:ing|ed|es|s)$/, '').slice(0, 7);

/** The content-word stems of a statement. */
export function contentStems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9/+]+/)
      .filter((w) => w.length > 2 && !FILLER.has(w))
      .map(stem),
  );
}

/** Jaccard overlap of two statements' content words, 0–1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
