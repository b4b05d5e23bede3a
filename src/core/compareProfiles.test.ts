import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
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

  it('marks skills shared within a focus and distinct across focuses', () => {
    const sameFocus = compareProfiles(catalog, ['TECHNO.TECHNOLO6B55.M3', 'TECHNO.TECHNOLO6B55.M4']);
    expect(sameFocus.skills.every((s) => s.marking === 'shared')).toBe(true);
    const across = compareProfiles(catalog, ['TECHNO.TECHNOLO6B55.M3', 'TECHNO.ENGINEER9222.M3']);
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
