import { focusCodeFor } from '../src/core/codes.js';
import { LEVELS } from '../src/core/levels.js';
import type { Focus, ProfileRecord, Taxonomy } from '../src/core/taxonomy.js';
import { draftProfile } from '../src/testing/draftProfile.js';

/**
 * A synthetic taxonomy of functions × focuses × levels for benchmarks. A
 * deterministic generator (no Math.random) so runs compare like with like.
 */
export function generateTaxonomy(
  functions: number,
  focusesPerFunction: number,
  levelsPerFocus: number,
): Taxonomy {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const tracks = ['P', 'M'] as const;
  const focuses: Focus[] = [];
  const profiles: ProfileRecord[] = [];
  const fns = Array.from({ length: functions }, (_, i) => {
    const code = `F${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}XXX`;
    return {
      code,
      key: `function-${i}`,
      name: `Function ${i}`,
      description: 'Synthetic.',
      sources: ['synthetic'],
    };
  });
  for (const fn of fns) {
    const vocabulary = Array.from({ length: 30 }, (_, i) => `${fn.key} skill ${i}`);
    for (let f = 0; f < focusesPerFunction; f++) {
      const key = `${fn.key}-focus-${f}`;
      const code = focusCodeFor(fn.code, key);
      const track = tracks[f % 2] ?? 'P';
      const start = 1 + Math.floor(next() * (6 - levelsPerFocus + 1));
      const levelCodes = LEVELS.filter(
        (l) => l.track === track && l.step >= start && l.step < start + levelsPerFocus,
      ).map((l) => l.code);
      const skills = vocabulary
        .filter(() => next() < 0.3)
        .map((name) => ({ name, application: 'x', kind: 'hard' as const, sources: ['synthetic'] }));
      const rubric = {
        knowledge: 'k',
        complexity: 'c',
        collaboration: 'co',
        degreeYears: 'd',
        sources: ['synthetic'],
      };
      const career = { entryFrom: [], advancementTo: [], lateral: [] };
      focuses.push({
        code,
        key,
        functionCode: fn.code,
        name: `Focus ${key}`,
        description: 'Synthetic.',
        distinctFrom: [],
        differential: { pay: false, skill: false, sources: ['synthetic'] },
        levelCodes,
        levels: Object.fromEntries(
          levelCodes.map((l) => [
            l,
            { responsibilities: [{ text: `Does ${l} work.`, sources: ['synthetic'] }], rubric, career },
          ]),
        ),
        skills,
        mappings: [],
        transitions: [],
        titleCues: [],
        sources: ['synthetic'],
      });
      for (const levelCode of levelCodes) {
        profiles.push(draftProfile(fn.code, code, levelCode));
      }
    }
  }
  const sources = [
    {
      id: 'synthetic',
      title: 'Synthetic',
      kind: 'reference' as const,
      publisher: null,
      url: null,
      note: null,
    },
  ];
  return { sources, functions: fns, focuses, profiles };
}
