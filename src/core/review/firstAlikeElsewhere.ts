import { jaccard } from './encodeStems.js';

/**
 * For each of many stem sets, encoded together by encodeStems (rarest stem first), the first set
 * (lowest index) of another group at least `threshold` alike to it by Jaccard overlap — the measure
 * `similarity` in textSimilarity.ts computes — or -1. The answer is the one comparing every pair
 * would give, without comparing every pair.
 *
 * A similarity self-join with prefix filtering (as in the PPJoin algorithm). Every stem gets one
 * place in an order, rarest first. Two sets of n and m stems alike at t share at least
 * α = ⌈t ÷ (1 + t) × (n + m)⌉ stems, so the first n − ⌈t·n⌉ + 1 stems of one and the first
 * m − ⌈t·m⌉ + 1 of the other have one in common. Sets are taken smallest first; each probes the
 * prefixes of those taken before it, which are indexed by stem, and rare stems have short lists. A
 * set met in a probe is dropped as soon as the stems it shares so far plus those left after the
 * current position on either side cannot reach α; the rest are compared in full. Each pair is
 * looked at once, from its larger side.
 *
 * `threshold` must be above 0: sets sharing no stem are alike at 0, and no index finds those.
 */
export function firstAlikeElsewhere(
  tokens: readonly Int32Array[],
  groupOf: readonly number[],
  threshold: number,
): Int32Array {
  const stems = tokens.reduce((n, t) => Math.max(n, (t[t.length - 1] ?? -1) + 1), 0);
  // The small allowance keeps a product like 0.45 × 20 from rounding up past its whole number; a set
  // with no stems has no prefix (it is alike to nothing).
  const prefixLength = (size: number) => Math.min(size, size - Math.ceil(threshold * size - 1e-9) + 1);
  const overlapFor = threshold / (1 + threshold);

  const postingItems: number[][] = Array.from({ length: stems }, () => []);
  const postingPositions: number[][] = Array.from({ length: stems }, () => []);
  const first = new Int32Array(tokens.length).fill(-1);
  const metBy = new Int32Array(tokens.length).fill(-1);
  const shared = new Int32Array(tokens.length);
  const dropped = new Uint8Array(tokens.length);
  const bySize = [...tokens.keys()].sort(
    (a, b) => (tokens[a]?.length ?? 0) - (tokens[b]?.length ?? 0) || a - b,
  );

  for (const x of bySize) {
    const query = tokens[x] as Int32Array;
    const n = query.length;
    const group = groupOf[x];
    const candidates: number[] = [];
    for (let i = 0; i < prefixLength(n); i++) {
      const token = query[i] as number;
      const items = postingItems[token] as number[];
      const positions = postingPositions[token] as number[];
      for (let k = 0; k < items.length; k++) {
        const y = items[k] as number;
        if (metBy[y] !== x) {
          metBy[y] = x;
          shared[y] = 0;
          // Sets of one group never count, nor sets too small to reach the threshold with this one.
          dropped[y] =
            groupOf[y] === group || (tokens[y] as Int32Array).length < threshold * n - 1e-9 ? 1 : 0;
          if (!dropped[y]) candidates.push(y);
        }
        if (dropped[y]) continue;
        const m = (tokens[y] as Int32Array).length;
        const needed = Math.ceil(overlapFor * (n + m) - 1e-9);
        const left = Math.min(n - i - 1, m - (positions[k] as number) - 1);
        if ((shared[y] as number) + 1 + left < needed) dropped[y] = 1;
        else shared[y] = (shared[y] as number) + 1;
      }
    }
    for (const y of candidates) {
      if (dropped[y]) continue;
      if (jaccard(query, tokens[y] as Int32Array) >= threshold) {
        if (first[x] === -1 || y < (first[x] as number)) first[x] = y;
        if (first[y] === -1 || x < (first[y] as number)) first[y] = x;
      }
    }
    for (let i = 0; i < prefixLength(n); i++) {
      postingItems[query[i] as number]?.push(x);
      postingPositions[query[i] as number]?.push(i);
    }
  }
  return first;
}
