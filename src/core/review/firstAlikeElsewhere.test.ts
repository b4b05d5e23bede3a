import { describe, expect, it } from 'vitest';
import { encodeStems } from './encodeStems.js';
import { firstAlikeElsewhere } from './firstAlikeElsewhere.js';
import { similarity } from './textSimilarity.js';

/** Random stem sets drawn with a skew, so some stems are in many sets, as real words are. */
function randomSets(count: number, seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const sets = Array.from({ length: count }, () => {
    const size = Math.floor(next() * 9);
    return new Set(Array.from({ length: size }, () => `s${Math.floor(next() ** 2 * 40)}`));
  });
  const groups = sets.map(() => Math.floor(next() * 6));
  return { sets, groups };
}

/** Every pair compared: the answer the index must give. */
const byScan = (sets: Set<string>[], groups: number[], threshold: number) =>
  sets.map((set, i) =>
    sets.findIndex((other, j) => groups[j] !== groups[i] && similarity(set, other) >= threshold),
  );

describe('firstAlikeElsewhere', () => {
  it.each([0.2, 0.45, 0.5, 0.8, 1])('finds what comparing every pair finds, at threshold %s', (threshold) => {
    for (const seed of [1, 2, 3]) {
      const { sets, groups } = randomSets(400, seed);
      const expected = byScan(sets, groups, threshold);
      expect(expected.some((i) => i >= 0)).toBe(true);
      expect([...firstAlikeElsewhere(encodeStems(sets), groups, threshold)]).toEqual(expected);
    }
  });

  it('never pairs sets of one group, nor empty sets', () => {
    const sets = [
      new Set(['a', 'b']),
      new Set(['a', 'b']),
      new Set<string>(),
      new Set<string>(),
      new Set(['a', 'b']),
    ];
    expect([...firstAlikeElsewhere(encodeStems(sets), [0, 0, 1, 2, 1], 0.5)]).toEqual([4, 4, -1, -1, 0]);
  });
});
