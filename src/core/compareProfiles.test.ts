import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { buildCatalog, TEST_SOURCE } from '../testing/buildTaxonomy.js';
import { Catalog } from './catalog.js';
import { compareProfiles } from './compareProfiles.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
});

describe('compareProfiles', () => {
  it('gives every pairwise distance', () => {
    const c = compareProfiles(catalog, [
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.TECHNOLO6B55.M5',
      'TECHNO.ENGINEER9222.M3',
    ]);
    expect(c.distances.map((d) => [d.a.split('.')[2], d.b.split('.')[1]])).toHaveLength(3);
    const sameFocus = c.distances.find((d) => d.b === 'TECHNO.TECHNOLO6B55.M5');
    expect(sameFocus).toMatchObject({ distance: 0.064, band: 'near' });
  });

  it("compares each level's own skills within one focus, whose skills all of them hold", () => {
    const skill = (name: string) => ({
      name,
      application: `Applies ${name} to the team's work`,
      kind: 'hard' as const,
      sources: [TEST_SOURCE.id],
    });
    const levels = buildCatalog([
      {
        code: 'TECHNO',
        focuses: [
          {
            key: 'data-engineering',
            skills: [skill('SQL')],
            levels: {
              P2: {
                responsibilities: ['Builds 3 pipelines a quarter'],
                skills: [skill('dbt'), skill('Airflow')],
              },
              P3: {
                responsibilities: ['Owns the warehouse for 4 teams'],
                skills: [skill('Airflow'), skill('Capacity planning')],
              },
            },
          },
        ],
      },
    ]);
    const [p2, p3] = levels.taxonomy.profiles.map((p) => p.code);
    const c = compareProfiles(levels, [p2 ?? '', p3 ?? '']);
    expect(c.skillBasis).toBe('level');
    expect(c.skills.map((s) => [s.name, s.marking])).toEqual([
      ['Airflow', 'shared'],
      ['Capacity planning', 'distinct'],
      ['dbt', 'distinct'],
    ]);
    // The focus's own skill, held by both, is not listed as "shared": it tells the levels nothing apart.
    expect(c.skills.some((s) => s.name === 'SQL')).toBe(false);
  });

  it('marks focus skills shared or distinct across focuses', () => {
    const across = compareProfiles(catalog, ['TECHNO.TECHNOLO6B55.M3', 'TECHNO.ENGINEER9222.M3']);
    expect(across.skillBasis).toBe('focus');
    expect(across.skills.some((s) => s.marking === 'distinct')).toBe(true);
    expect(across.skills.find((s) => s.name === 'Eval Literacy')).toMatchObject({
      heldBy: ['TECHNO.TECHNOLO6B55.M3'],
      marking: 'distinct',
    });
  });

  it.each([
    [['TECHNO.TECHNOLO6B55.M3'], /2 to 4 different profile codes/],
    [['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.M3'], /got 1/],
    [
      [
        'TECHNO.TECHNOLO6B55.M3',
        'TECHNO.TECHNOLO6B55.M4',
        'TECHNO.TECHNOLO6B55.M5',
        'TECHNO.TECHNOLO6B55.M6',
        'TECHNO.ENGINEER9222.M3',
      ],
      /got 5/,
    ],
    [['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.P1'], /No profile with code/],
  ])('rejects %j', (codes, message) => {
    expect(() => compareProfiles(catalog, codes)).toThrow(message);
  });
});
