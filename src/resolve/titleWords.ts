/** Words that never tell one occupation from another. */
export const STOPWORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'in',
  'to',
  'a',
  'an',
  'with',
  'at',
  'on',
  'or',
  'by',
]);

/** Crude stem: plural endings off, first six letters — enough to see "Developers" in "developer". */
export const stem = (w: string) => w.replace(/(?:ies|es|s)$/, '').slice(0, 6);
