import type { Source, Statement, Taxonomy } from '../src/core/taxonomy.js';

/**
 * Gives a synthetic taxonomy (bench/generateTaxonomy.ts) the kind of responsibilities a generated
 * release has, so the review panel works as hard as it will on one: statements of 10–16 content
 * words drawn with a skew from a vocabulary shared by every function (so some stems are in most
 * statements) and one of the function's own, each citing a task row; now and then a task several
 * focuses of the function share; lists that partly carry over from the level below, as task-derived
 * lists do; now and then a whole list repeated from another level, or a level that only declares a
 * gap. Deterministic, so runs compare like with like.
 */
export function withResponsibilities(taxonomy: Taxonomy, perLevel = 8): Taxonomy {
  // mulberry32: 32-bit integer steps, so the sequence does not fall into a short cycle as a linear
  // congruential step in floating point does once the product passes 2^53.
  let seed = 7;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  // A power of a uniform draw favours the first words, as real vocabularies favour a few.
  const pick = (words: readonly string[], skew: number) =>
    words[Math.floor(next() ** skew * words.length)] ?? '';
  const sources: Source[] = ['task-rows', 'ladder-a', 'ladder-b', 'postings'].map((id) => ({
    id,
    title: id,
    kind: 'reference',
    publisher: null,
    url: null,
    note: null,
  }));
  let row = 0;
  const statement = (fnWords: readonly string[], focusWords: readonly string[]): Statement => {
    const length = 10 + Math.floor(next() * 7);
    const text = Array.from({ length }, () => {
      const r = next();
      return r < 0.3 ? pick(COMMON, 1.5) : r < 0.6 ? pick(fnWords, 1.5) : pick(focusWords, 1);
    }).join(' ');
    row++;
    return {
      text: `${text[0]?.toUpperCase()}${text.slice(1)} for 3 teams.`,
      sources: ['task-rows', next() < 0.5 ? 'ladder-a' : 'ladder-b', 'postings'],
      rows: [{ source: 'task-rows', file: 'Task Statements.txt', key: String(row) }],
    };
  };
  // Stems are cut at seven characters, so each synthetic word is seven characters or fewer.
  const fnWords = new Map(
    taxonomy.functions.map((fn, i) => [fn.code, Array.from({ length: 200 }, (_, w) => `g${i}y${w}`)]),
  );
  // Tasks several occupations of a function share, which make statements as true of another focus.
  const shared = new Map(
    [...fnWords].map(([code, words]) => [code, Array.from({ length: 40 }, () => statement(words, words))]),
  );
  const focuses = taxonomy.focuses.map((focus, f) => {
    const words = Array.from({ length: 100 }, (_, i) => `q${f}x${i}`);
    const ownFunction = fnWords.get(focus.functionCode) ?? [];
    const fresh = (): Statement => {
      const pool = shared.get(focus.functionCode) ?? [];
      return next() < 0.04
        ? (pool[Math.floor(next() * pool.length)] as Statement)
        : statement(ownFunction, words);
    };
    let below: Statement[] = [];
    const levels = Object.fromEntries(
      focus.levelCodes.map((code, l) => {
        const roll = next();
        let responsibilities: Statement[];
        if (roll < 0.03) {
          responsibilities = [
            { text: `No source states work specific to ${code} in this focus.`, sources: ['task-rows'] },
          ];
        } else if (roll < 0.06 && below.length > 0) {
          responsibilities = below;
        } else {
          const carried = below.filter(() => next() < 0.02);
          responsibilities = [...carried, ...Array.from({ length: perLevel - carried.length }, fresh)];
        }
        below = responsibilities;
        const content = focus.levels[code];
        const cell = (name: string) => `${name} at step ${l + 1}: ${statement(ownFunction, words).text}`;
        return [
          code,
          {
            career: content?.career ?? { entryFrom: [], advancementTo: [], lateral: [] },
            responsibilities,
            rubric: {
              knowledge: cell('Knowledge'),
              complexity: cell('Complexity'),
              collaboration: cell('Collaboration'),
              degreeYears: 'Degree or equivalent practice.',
              sources: ['ladder-a'],
            },
          },
        ];
      }),
    );
    return { ...focus, levels, sources: sources.map((s) => s.id) };
  });
  return { ...taxonomy, sources, focuses };
}

const COMMON = [
  'manages',
  'team',
  'budget',
  'reports',
  'plans',
  'reviews',
  'schedules',
  'customers',
  'staff',
  'records',
  'equipment',
  'quality',
  'safety',
  'standards',
  'procedures',
  'policies',
  'projects',
  'data',
  'operations',
  'training',
  'inspects',
  'prepares',
  'coordinates',
  'maintains',
  'develops',
  'evaluates',
  'monitors',
  'documents',
  'analyzes',
  'communicates',
  'directs',
  'supervises',
  'orders',
  'supplies',
  'inventory',
  'contracts',
  'vendors',
  'compliance',
  'regulations',
  'performance',
  'workflow',
  'systems',
  'software',
  'reports',
  'meetings',
  'clients',
  'services',
  'programs',
  'facilities',
  'materials',
];
