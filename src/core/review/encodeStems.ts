/**
 * Stem sets as ascending arrays of numbers, one number per distinct stem, rarest stem first (ties
 * in order of first appearance): comparing two such arrays is a merge of numbers instead of string look-ups, and
 * the order is the one prefix filtering needs (see firstAlikeElsewhere.ts).
 */
export function encodeStems(sets: readonly ReadonlySet<string>[]): Int32Array[] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  // The sort is stable, so stems met as often keep the order they were first met in.
  const ordered = [...frequency].sort(([, a], [, b]) => a - b);
  const rank = new Map<string, number>();
  for (const [i, [s]] of ordered.entries()) rank.set(s, i);
  return sets.map((set) => {
    const codes = new Int32Array(set.size);
    let i = 0;
    for (const s of set) codes[i++] = rank.get(s) ?? 0;
    return codes.sort();
  });
}

/** Jaccard overlap of two encoded sets, 0–1: the same figure `similarity` gives for the stem sets. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
