import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdjacency, buildAdjacencyByAllPairs, type Point } from './adjacency.js';
import { type Coordinates, distance, distanceParts, matchBand } from './coordinates.js';
import { LEVELS } from './levels.js';

const SKILLS = ['a', 'b', 'c', 'd', 'e', 'f'];
const coordinates = fc
  .record({
    functionCode: fc.constantFrom('AAAAAA', 'BBBBBB', 'CCCCCC'),
    focusCode: fc.constantFrom('F1', 'F2', 'F3'),
    level: fc.constantFrom(...LEVELS),
    skills: fc.subarray(SKILLS),
  })
  .map(
    ({ functionCode, focusCode, level, skills }): Coordinates => ({
      functionCode,
      focusCode,
      track: level.track,
      rank: level.rank,
      skills: new Set(skills),
    }),
  );

describe('distance', () => {
  it('is 0 from a profile to itself', () => {
    fc.assert(fc.property(coordinates, (a) => distance(a, a) === 0));
  });

  it('is symmetric', () => {
    fc.assert(fc.property(coordinates, coordinates, (a, b) => distance(a, b) === distance(b, a)));
  });

  it('stays within [0, 1]', () => {
    fc.assert(fc.property(coordinates, coordinates, (a, b) => distance(a, b) >= 0 && distance(a, b) <= 1));
  });

  it('grows with the level gap inside a focus', () => {
    fc.assert(
      fc.property(coordinates, fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS), (base, l1, l2) => {
        const at = (rank: number) => ({ ...base, rank });
        const [near, far] =
          Math.abs(l1.rank - base.rank) <= Math.abs(l2.rank - base.rank) ? [l1, l2] : [l2, l1];
        return distance(base, at(near.rank)) <= distance(base, at(far.rank));
      }),
    );
  });

  it('puts another focus further than the same focus, and another function further still', () => {
    const base: Coordinates = {
      functionCode: 'AAAAAA',
      focusCode: 'F1',
      track: 'M',
      rank: 5,
      skills: new Set(['a']),
    };
    const sameFocus = distance(base, { ...base, rank: 6 });
    const otherFocus = distance(base, { ...base, focusCode: 'F2', rank: 6 });
    const otherFunction = distance(base, { ...base, functionCode: 'BBBBBB', focusCode: 'F2', rank: 6 });
    expect(sameFocus).toBeLessThan(otherFocus);
    expect(otherFocus).toBeLessThan(otherFunction);
  });

  it('explains itself part by part', () => {
    const a: Coordinates = {
      functionCode: 'AAAAAA',
      focusCode: 'F1',
      track: 'M',
      rank: 5,
      skills: new Set(['a', 'b']),
    };
    const b: Coordinates = {
      functionCode: 'AAAAAA',
      focusCode: 'F2',
      track: 'P',
      rank: 5,
      skills: new Set(['b', 'c']),
    };
    expect(distanceParts(a, b)).toMatchObject({ taxonomy: 0.5, level: 0, track: 1, skills: 1 - 1 / 3 });
  });

  it('bands distances into three states', () => {
    expect([0, 0.2, 0.21, 0.4, 0.41, 1].map(matchBand)).toEqual([
      'near',
      'near',
      'related',
      'related',
      'distant',
      'distant',
    ]);
  });
});

describe('buildAdjacency', () => {
  const point = fc.tuple(coordinates, fc.nat({ max: 1_000_000 })).map(
    ([coords, n]): Point => ({
      code: `${coords.functionCode}.${coords.focusCode}.${coords.track}${coords.rank}.${n}`,
      coords,
    }),
  );

  it('finds exactly the neighbours that comparing every pair finds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(point, { selector: (p) => p.code, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (points, k) => {
          expect(buildAdjacency(points, k)).toEqual(buildAdjacencyByAllPairs(points, k));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never lists a profile as its own neighbour', () => {
    fc.assert(
      fc.property(fc.uniqueArray(point, { selector: (p) => p.code, maxLength: 30 }), (points) => {
        for (const [code, neighbours] of buildAdjacency(points, 5))
          expect(neighbours.map((n) => n.code)).not.toContain(code);
      }),
    );
  });
});
